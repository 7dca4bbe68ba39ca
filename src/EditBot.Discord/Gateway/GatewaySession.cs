namespace EditBot.Discord.Gateway;

/// <summary>What a shard must remember across connections to resume: session id, resume URL and last sequence.</summary>
internal sealed class GatewaySession
{
    private long _lastSequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    /// <summary>The last non-null <c>s</c> received; sent in heartbeats and RESUME.</summary>
    public long? LastSequence
    {
        get
        {
            var seq = Interlocked.Read(ref _lastSequence);
            return seq < 0 ? null : seq;
        }
    }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Observe(long sequence) => Interlocked.Exchange(ref _lastSequence, sequence);

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _lastSequence, -1);
    }
}

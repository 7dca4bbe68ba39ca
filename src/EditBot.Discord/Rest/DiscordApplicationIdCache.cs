namespace EditBot.Discord.Rest;

/// <summary>Remembers the application id read from <c>GET /applications/@me</c> when it was not configured.</summary>
public sealed class DiscordApplicationIdCache
{
    private ulong _applicationId;

    public ulong? Value => Interlocked.Read(ref _applicationId) is var id and not 0 ? id : null;

    public void Set(ulong applicationId) => Interlocked.Exchange(ref _applicationId, applicationId);
}

namespace EditBot.Moderation.Discord;

/// <summary>
/// One lane of audit posts per server: a server's entries are posted in order, one at a time, while other servers'
/// lanes go on, so one slow or rate-limited audit channel holds up only its own server. At most
/// <see cref="MaxConcurrentPosts"/> posts are in flight at once; a lane that runs empty ends and is forgotten.
/// </summary>
internal sealed class AuditLanes(Func<PendingAuditPost, CancellationToken, Task> post, Action settled) : IDisposable
{
    /// <summary>Posts in flight across all servers; the REST client's global limit still applies on top.</summary>
    public const int MaxConcurrentPosts = 8;

    private readonly Dictionary<ulong, Queue<PendingAuditPost>> _lanes = [];
    private readonly SemaphoreSlim _inFlight = new(MaxConcurrentPosts);
    private readonly List<Task> _running = [];
    private readonly Lock _gate = new();

    /// <summary>Queues the entry on its server's lane, starting the lane when it was idle.</summary>
    public void Add(PendingAuditPost pending, CancellationToken stopping)
    {
        lock (_gate)
        {
            if (_lanes.TryGetValue(pending.GuildId, out var lane))
            {
                lane.Enqueue(pending);
                return;
            }

            _lanes[pending.GuildId] = new Queue<PendingAuditPost>([pending]);
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(Task.Run(() => RunLaneAsync(pending.GuildId, stopping), CancellationToken.None));
        }
    }

    /// <summary>Completes when every lane started so far has ended (they end when empty or when stopping).</summary>
    public Task WhenStoppedAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_running);
        }
    }

    /// <summary>Call after <see cref="WhenStoppedAsync"/>: no lane may be running.</summary>
    public void Dispose() => _inFlight.Dispose();

    private async Task RunLaneAsync(ulong guildId, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested && Next(guildId) is { } pending)
        {
            try
            {
                await _inFlight.WaitAsync(stopping);
                try
                {
                    await post(pending, stopping);
                }
                finally
                {
                    _inFlight.Release();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return; // shutting down: the entry stays outstanding, and the service says how many were left
            }

            settled();
        }
    }

    // Takes the lane's head only after the previous entry was posted, so a server's entries keep their order.
    private PendingAuditPost? Next(ulong guildId)
    {
        lock (_gate)
        {
            var lane = _lanes[guildId];
            if (lane.Count == 0)
            {
                _lanes.Remove(guildId);
                return null;
            }

            return lane.Dequeue();
        }
    }
}

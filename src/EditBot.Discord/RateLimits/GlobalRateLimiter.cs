namespace EditBot.Discord.RateLimits;

/// <summary>
/// The per-bot global limit (50 requests/s) as a sliding window of reserved send times, so any one-second span holds
/// at most the limit whichever way the server aligns its window; plus a block set by a global 429.
/// </summary>
internal sealed class GlobalRateLimiter(TimeProvider timeProvider, int requestsPerSecond)
{
    // A margin over one second absorbs jitter between our send time and the server's arrival time (a busy
    // thread pool, a slow connect): 5 % of throughput when the global limit binds, against global 429s.
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1050);

    private readonly Queue<DateTimeOffset> _reserved = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset now, sendAt;
            lock (_reserved)
            {
                now = timeProvider.GetUtcNow();
                sendAt = now > _blockedUntil ? now : _blockedUntil;
                if (_reserved.Count >= requestsPerSecond)
                {
                    var windowOpens = _reserved.Dequeue() + Window;
                    sendAt = windowOpens > sendAt ? windowOpens : sendAt;
                }

                _reserved.Enqueue(sendAt);
            }

            if (sendAt > now)
            {
                await Task.Delay(sendAt - now, timeProvider, cancellationToken);
            }

            lock (_reserved)
            {
                // A global 429 that arrived while waiting pushes this request past the block.
                if (timeProvider.GetUtcNow() >= _blockedUntil)
                {
                    return;
                }
            }
        }
    }

    /// <summary>After a global 429: nothing counted against the global limit goes before this.</summary>
    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_reserved)
        {
            var until = timeProvider.GetUtcNow() + retryAfter;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }
}

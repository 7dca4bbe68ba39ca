using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Gateway;

/// <summary>
/// Paces IDENTIFY across all shards of this process: <c>max_concurrency</c> identifies per 5 s (one per bucket
/// <c>shard_id % max_concurrency</c>), and never more than the session-start budget left for the day (exceeding
/// it makes Discord reset the token), waiting for the budget's reset when it is used up.
/// </summary>
public sealed class GatewayIdentifyGate : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayIdentifyGate> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, SemaphoreSlim> _buckets = [];
    private readonly Dictionary<int, long> _bucketNextAllowed = [];
    private int _maxConcurrency = 1;
    private int _sessionStartTotal = 1000;
    private int _sessionStartRemaining = 1000;
    private long _resetAtTimestamp;
    private TimeSpan _resetAfter;

    public GatewayIdentifyGate(TimeProvider time, ILogger<GatewayIdentifyGate> logger)
    {
        _time = time;
        _logger = logger;
        _resetAtTimestamp = time.GetTimestamp();
    }

    /// <summary>Spacing between two identifies of one bucket (Discord: 5 s).</summary>
    public TimeSpan BucketInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Takes the limits from <c>GET /gateway/bot</c>.</summary>
    public void Configure(GatewayBotInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        lock (_lock)
        {
            _maxConcurrency = Math.Max(1, info.MaxConcurrency);
            _sessionStartTotal = Math.Max(1, info.SessionStartTotal);
            _sessionStartRemaining = info.SessionStartRemaining;
            _resetAtTimestamp = _time.GetTimestamp();
            _resetAfter = info.SessionStartResetAfter;
        }
    }

    /// <summary>Waits until shard <paramref name="shardId"/> may identify, and counts the identify against the budget.</summary>
    public async Task WaitAsync(int shardId, CancellationToken cancellationToken)
    {
        SemaphoreSlim bucketLock;
        int bucket;
        lock (_lock)
        {
            bucket = shardId % _maxConcurrency;
            if (!_buckets.TryGetValue(bucket, out bucketLock!))
            {
                bucketLock = new SemaphoreSlim(1, 1);
                _buckets[bucket] = bucketLock;
            }
        }

        await bucketLock.WaitAsync(cancellationToken);
        try
        {
            await WaitForSessionStartBudgetAsync(shardId, cancellationToken);
            try
            {
                await WaitForBucketAsync(bucket, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The connection ended while waiting for its slot: no IDENTIFY went out, so the session start it
                // counted is given back (else each such wait would shrink the daily budget until a restart).
                lock (_lock)
                {
                    _sessionStartRemaining = Math.Min(_sessionStartTotal, _sessionStartRemaining + 1);
                }

                throw;
            }
        }
        finally
        {
            bucketLock.Release();
        }
    }

    private async Task WaitForSessionStartBudgetAsync(int shardId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var sinceConfigured = _time.GetElapsedTime(_resetAtTimestamp);
                if (_sessionStartRemaining <= 0 && sinceConfigured >= _resetAfter)
                {
                    // The daily window has rolled over: the full budget is back.
                    _sessionStartRemaining = _sessionStartTotal;
                    _resetAtTimestamp = _time.GetTimestamp();
                    _resetAfter = TimeSpan.FromDays(1);
                }

                if (_sessionStartRemaining > 0)
                {
                    _sessionStartRemaining--;
                    return;
                }

                wait = _resetAfter - sinceConfigured;
            }

            _logger.LogWarning(
                "Shard {ShardId} waits {Wait} before identifying: the daily session start limit ({Total}) is used up, and identifying beyond it makes Discord reset the bot token",
                shardId, wait, _sessionStartTotal);
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private async Task WaitForBucketAsync(int bucket, CancellationToken cancellationToken)
    {
        long nextAllowed;
        lock (_lock)
        {
            nextAllowed = _bucketNextAllowed.GetValueOrDefault(bucket, long.MinValue);
        }

        if (nextAllowed != long.MinValue)
        {
            var now = _time.GetTimestamp();
            if (now < nextAllowed)
            {
                await Task.Delay(_time.GetElapsedTime(now, nextAllowed), _time, cancellationToken);
            }
        }

        lock (_lock)
        {
            var next = _time.GetTimestamp() + (long)(BucketInterval.TotalSeconds * _time.TimestampFrequency);
            _bucketNextAllowed[bucket] = next;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var semaphore in _buckets.Values)
            {
                semaphore.Dispose();
            }

            _buckets.Clear();
        }
    }
}

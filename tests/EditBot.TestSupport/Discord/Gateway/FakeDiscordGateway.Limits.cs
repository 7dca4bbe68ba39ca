namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>
/// The limits Discord enforces on a connection, enforced here too so a client that breaks them fails its tests:
/// identify pacing per bucket and heartbeat deadlines (see <see cref="FakeGatewayConnection"/>).
/// </summary>
public sealed partial class FakeDiscordGateway
{
    /// <summary>
    /// The fake times IDENTIFYs when they arrive, the client when it sends them: the loopback path's jitter is
    /// allowed, a fifth of the interval and at most 100 ms. A fixed 100 ms exceeded the short intervals tests use,
    /// so an unpaced client passed; a fifth still catches a client that does not wait at all.
    /// </summary>
    public TimeSpan IdentifyArrivalSlack => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMilliseconds(100).Ticks, IdentifyInterval.Ticks / 5));

    /// <summary>
    /// On by default, as on Discord: a connection that sends no heartbeat within the interval (from HELLO, then from
    /// the previous heartbeat) is closed with 4009 and its session ends. A test that cannot beat in time (fake clock
    /// jumps) switches it off in its own setup. See <see cref="HeartbeatDeadline"/> for the slack allowed.
    /// </summary>
    public bool EnforceHeartbeatDeadline { get; set; } = true;

    /// <summary>
    /// IDENTIFYs per bucket (<c>shard_id % max_concurrency</c>) are allowed one per this interval (Discord: 5 s); an
    /// earlier one is closed with 4008. Tests whose client paces identifies faster shrink both to the same value.
    /// </summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Close codes the fake sent (tests, fatal answers, heartbeat deadlines, identify pacing), in order.</summary>
    public IReadOnlyList<int> ServerCloseCodes => Snapshot(_serverCloses);

    /// <summary>
    /// How long after HELLO or the previous heartbeat the next one must arrive: the interval plus half of it. Half an
    /// interval of slack still catches every skipped heartbeat (the next is due after one interval) while a loaded
    /// test machine's timer and scheduling delays (tens of ms) never trip it. Discord does not document its slack.
    /// </summary>
    public TimeSpan HeartbeatDeadline => TimeSpan.FromMilliseconds(HeartbeatIntervalMs * 1.5);

    internal TimeProvider Time => _time;

    /// <summary>
    /// Takes the bucket's identify slot, or closes the connection with 4008 when the bucket identified less than
    /// <see cref="IdentifyInterval"/> ago. Discord documents max_concurrency identifies per 5 s per bucket but not
    /// its answer to an early one (an op 9 or a close); the fake takes the strict side: 4008 "rate limited" ends the
    /// connection, so the client loses the connection as well as the session and must pace itself to recover.
    /// </summary>
    internal async Task<bool> TakeIdentifySlotAsync(FakeGatewayConnection connection, int shardId)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var bucket = shardId % Math.Max(1, MaxConcurrency);
            if (!_lastIdentifyByBucket.TryGetValue(bucket, out var last) || now - last >= IdentifyInterval - IdentifyArrivalSlack)
            {
                _lastIdentifyByBucket[bucket] = now;
                return true;
            }
        }

        await connection.TryCloseAsync(4008, "You are being rate limited.");
        return false;
    }

    internal void RecordServerClose(int code)
    {
        lock (_lock)
        {
            _serverCloses.Add(code);
        }

        Signal();
    }
}

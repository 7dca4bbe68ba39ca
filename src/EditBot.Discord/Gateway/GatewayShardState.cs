namespace EditBot.Discord.Gateway;

/// <summary>Health of one shard, for the health endpoint and metrics. Written by the shard, read by anyone.</summary>
public sealed class GatewayShardState(int shardId, int shardCount)
{
    private volatile bool _connected;
    private volatile bool _ready;
    private volatile string? _problem;
    private long _latencyTicks = -1;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    /// <summary>The WebSocket is open.</summary>
    public bool IsConnected => _connected;

    /// <summary>READY or RESUMED was received on the current connection: events flow.</summary>
    public bool IsReady => _ready;

    /// <summary>Time between the last heartbeat and its ack; null before the first ack.</summary>
    public TimeSpan? HeartbeatLatency
    {
        get
        {
            var ticks = Interlocked.Read(ref _latencyTicks);
            return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
        }
    }

    internal void SetConnected(bool connected)
    {
        _connected = connected;
        if (!connected)
        {
            _ready = false;
        }
    }

    /// <summary>Why the shard last lost its connection; null once a session is ready again. For /healthz.</summary>
    public string? Problem => _problem;

    internal void SetReady(bool ready)
    {
        _ready = ready;
        if (ready)
        {
            _problem = null;
        }
    }

    internal void SetProblem(string reason) => _problem = reason;

    internal void SetLatency(TimeSpan latency) => Interlocked.Exchange(ref _latencyTicks, latency.Ticks);
}

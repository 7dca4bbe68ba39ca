namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>
/// A gateway session as Discord keeps it: every dispatch with its sequence, so a RESUME replays what the client
/// missed. Survives its connection (drop, zombie, op 7) until invalidated.
/// </summary>
internal sealed class FakeGatewaySession(string id, int shardId, int shardCount) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(long Seq, string Type, string Json)> _history = [];
    private long _seq;

    public string Id { get; } = id;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    public FakeGatewayConnection? Connection { get; private set; }

    public bool Invalidated { get; set; }

    public async Task DispatchAsync(string type, string json)
    {
        await _gate.WaitAsync();
        try
        {
            await AppendAndSendAsync(type, json);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Binds the session to a new connection, replays everything after <paramref name="lastSeq"/>, then RESUMED.</summary>
    public async Task ResumeAsync(FakeGatewayConnection connection, long? lastSeq)
    {
        await _gate.WaitAsync();
        try
        {
            Connection = connection;
            foreach (var (seq, type, json) in _history.Where(h => h.Seq > (lastSeq ?? 0)).ToList())
            {
                await connection.TrySendAsync(FakeGatewayFrames.Dispatch(type, json, seq));
            }

            await AppendAndSendAsync("RESUMED", "{}");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Binds a fresh session to the connection that identified, and sends READY.</summary>
    public async Task StartAsync(FakeGatewayConnection connection, string readyJson)
    {
        await _gate.WaitAsync();
        try
        {
            Connection = connection;
            await AppendAndSendAsync("READY", readyJson);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Detach(FakeGatewayConnection connection)
    {
        if (Connection == connection)
        {
            Connection = null;
        }
    }

    private async Task AppendAndSendAsync(string type, string json)
    {
        var seq = ++_seq;
        _history.Add((seq, type, json));
        if (Connection is { } connection)
        {
            await connection.TrySendAsync(FakeGatewayFrames.Dispatch(type, json, seq));
        }
    }

    public void Dispose() => _gate.Dispose();
}

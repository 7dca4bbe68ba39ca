namespace EditBot.Discord.Gateway;

/// <summary>
/// Process-wide gateway health: one <see cref="GatewayShardState"/> per shard run here, and the fatal error that
/// stopped the gateway, if any, so the host can stop with that message.
/// </summary>
public sealed class GatewayState
{
    private volatile IReadOnlyList<GatewayShardState> _shards = [];
    private volatile GatewayFatalException? _fatalError;

    public IReadOnlyList<GatewayShardState> Shards => _shards;

    /// <summary>Why the gateway stopped for good (bad token, disallowed intents, ...); null while it runs.</summary>
    public GatewayFatalException? FatalError => _fatalError;

    /// <summary>Every shard of this process has a ready session.</summary>
    public bool AllReady => _shards.Count > 0 && _shards.All(s => s.IsReady);

    internal void SetShards(IReadOnlyList<GatewayShardState> shards) => _shards = shards;

    internal void SetFatal(GatewayFatalException error) => _fatalError = error;
}

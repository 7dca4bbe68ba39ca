using EditBot.Common.Retry;

namespace EditBot.Discord.Gateway;

/// <summary>
/// The shared <see cref="Backoff"/> counted across a shard's reconnects, so shards that lost the connection together
/// do not all come back at the same instant. Reset once a session is ready again.
/// </summary>
public sealed class GatewayReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
{
    private readonly Backoff _backoff = new(baseDelay, maxDelay, random);
    private int _attempt;

    public TimeSpan Next() => _backoff.Delay(++_attempt);

    public void Reset() => _attempt = 0;
}

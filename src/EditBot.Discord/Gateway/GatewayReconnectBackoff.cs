namespace EditBot.Discord.Gateway;

/// <summary>
/// Capped exponential backoff with half jitter between reconnects, so shards that lost the connection together do
/// not all come back at the same instant. Reset once a session is ready again.
/// </summary>
public sealed class GatewayReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
{
    private int _attempt;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_attempt++, 20);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random() * ceiling / 2));
    }

    public void Reset() => _attempt = 0;
}

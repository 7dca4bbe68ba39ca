namespace EditBot.Discord.Gateway;

/// <summary>
/// Where the gateway is and how many shards to run: <c>GET /gateway/bot</c>. The REST client implements it;
/// gateway tests give the fake gateway's own answer.
/// </summary>
public interface IGatewayInfoProvider
{
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);
}

/// <param name="Url">Base WebSocket URL, e.g. wss://gateway.discord.gg (query added by the client).</param>
/// <param name="Shards">Recommended shard count.</param>
/// <param name="SessionStartTotal">Identifies allowed per 24 h.</param>
/// <param name="SessionStartRemaining">Identifies left in the window.</param>
/// <param name="SessionStartResetAfter">Until the window resets.</param>
/// <param name="MaxConcurrency">Identify buckets per 5 s.</param>
public sealed record GatewayBotInfo(
    Uri Url,
    int Shards,
    int SessionStartTotal,
    int SessionStartRemaining,
    TimeSpan SessionStartResetAfter,
    int MaxConcurrency);

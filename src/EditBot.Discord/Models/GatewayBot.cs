namespace EditBot.Discord.Models;

/// <summary>The answer of <c>GET /gateway/bot</c>.</summary>
public sealed record GatewayBot
{
    public required Uri Url { get; init; }

    public int Shards { get; init; }

    public SessionStartLimit? SessionStartLimit { get; init; }
}

namespace EditBot.Discord.Models;

/// <summary>The bot's application, from <c>GET /applications/@me</c>.</summary>
public sealed record Application
{
    public ulong Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public bool? BotPublic { get; init; }

    public long? Flags { get; init; }

    public User? Bot { get; init; }

    public string? VerifyKey { get; init; }
}

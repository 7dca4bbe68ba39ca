namespace EditBot.Discord.Models;

public sealed record EmbedFooter
{
    public required string Text { get; init; }
}

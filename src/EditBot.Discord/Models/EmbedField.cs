namespace EditBot.Discord.Models;

public sealed record EmbedField
{
    public required string Name { get; init; }

    public required string Value { get; init; }

    public bool? Inline { get; init; }
}

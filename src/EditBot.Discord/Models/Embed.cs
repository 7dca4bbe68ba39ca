namespace EditBot.Discord.Models;

public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public Uri? Url { get; init; }

    public int? Color { get; init; }

    public string? Timestamp { get; init; }

    public EmbedMedia? Image { get; init; }

    public EmbedMedia? Thumbnail { get; init; }

    public EmbedFooter? Footer { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }
}

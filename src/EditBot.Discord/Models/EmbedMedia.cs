namespace EditBot.Discord.Models;

/// <summary>Embed image or thumbnail; <c>attachment://name.png</c> points at a file uploaded with the message.</summary>
public sealed record EmbedMedia
{
    public Uri? Url { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }
}

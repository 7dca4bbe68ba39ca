namespace EditBot.Discord.Models;

/// <summary>A file on a message or resolved in an interaction. URLs are signed and expire: download, don't keep.</summary>
public sealed record Attachment
{
    public ulong Id { get; init; }

    public string? Filename { get; init; }

    public string? Description { get; init; }

    public string? ContentType { get; init; }

    public long Size { get; init; }

    public Uri? Url { get; init; }

    public Uri? ProxyUrl { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public bool? Ephemeral { get; init; }

    /// <summary>True when Discord identified the file as an image (it measured width and height) or typed it so.</summary>
    public bool IsImage => Width is > 0 || (ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false);
}

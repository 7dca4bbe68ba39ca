namespace EditBot.Discord.Models;

/// <summary>One image of a media gallery (Components V2).</summary>
public sealed record MediaGalleryItem
{
    public required UnfurledMedia Media { get; init; }

    /// <summary>Alt text, 1–1024 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Blurs the image until it is clicked.</summary>
    public bool? Spoiler { get; init; }
}

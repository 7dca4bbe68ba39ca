namespace EditBot.Discord.Models;

/// <summary>A sticker on a message (kept so a snapshot reads whole; the bot does not edit stickers).</summary>
public sealed record StickerItem
{
    public ulong Id { get; init; }

    public string? Name { get; init; }

    public int FormatType { get; init; }
}

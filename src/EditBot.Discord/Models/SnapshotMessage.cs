namespace EditBot.Discord.Models;

/// <summary>
/// The partial message inside a <see cref="MessageSnapshot"/> (OpenAPI <c>MinimalContentMessageResponse</c>): no id,
/// channel or author, only the original's content. Its content, embeds, attachments and components are empty like a
/// message's without the MESSAGE_CONTENT intent (assumed: Discord's documentation does not say).
/// </summary>
public sealed record SnapshotMessage
{
    public int Type { get; init; }

    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public string? Timestamp { get; init; }

    public string? EditedTimestamp { get; init; }

    public int? Flags { get; init; }

    public IReadOnlyList<User>? Mentions { get; init; }

    public IReadOnlyList<ulong>? MentionRoles { get; init; }

    /// <summary>Full sticker objects; only the fields they share with sticker items are read.</summary>
    public IReadOnlyList<StickerItem>? Stickers { get; init; }

    public IReadOnlyList<StickerItem>? StickerItems { get; init; }

    public IReadOnlyList<MessageComponent>? Components { get; init; }
}

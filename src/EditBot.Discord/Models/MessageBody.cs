namespace EditBot.Discord.Models;

/// <summary>
/// The body of a message create or edit, on channel routes and webhook (interaction) routes alike. Files go
/// beside it as multipart parts; <see cref="Attachments"/> is filled by the client when files are attached.
/// </summary>
public sealed record MessageBody
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<MessageComponent>? Components { get; init; }

    /// <summary>Null here means "no pings": the client sends <c>{"parse":[]}</c>.</summary>
    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>
    /// Channel message creates only: up to 25 characters identifying this send. With <see cref="EnforceNonce"/>,
    /// Discord answers a repeat within a few minutes with the message already created instead of a second one.
    /// </summary>
    public string? Nonce { get; init; }

    /// <summary>Channel message creates only: see <see cref="Nonce"/>.</summary>
    public bool? EnforceNonce { get; init; }

    /// <summary>Channel messages only: makes this a reply.</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>64 = ephemeral (interaction responses and follow-ups only), 4 = suppress embeds.</summary>
    public int? Flags { get; init; }

    /// <summary>
    /// Attachments the message should carry. On an edit, listing existing ids keeps those files; omitting the list
    /// keeps all. New uploads are appended by the client (id = their part index).
    /// </summary>
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }
}

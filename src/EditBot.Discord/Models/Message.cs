namespace EditBot.Discord.Models;

public sealed record Message
{
    public ulong Id { get; init; }

    public ulong ChannelId { get; init; }

    public ulong? GuildId { get; init; }

    public int Type { get; init; }

    public User? Author { get; init; }

    /// <summary>Present on gateway MESSAGE_CREATE in guilds.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Empty without the MESSAGE_CONTENT intent for most messages (see discord-essentials.md).</summary>
    public string? Content { get; init; }

    public string? Timestamp { get; init; }

    public int? Flags { get; init; }

    public ulong? WebhookId { get; init; }

    public ulong? ApplicationId { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<MessageComponent>? Components { get; init; }

    public IReadOnlyList<User>? Mentions { get; init; }

    /// <summary>A reply's or a forward's origin (<see cref="MessageReference.Type"/> tells which).</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>On a forward (<see cref="MessageReferenceType.Forward"/>): the original's content and files.</summary>
    public IReadOnlyList<MessageSnapshot>? MessageSnapshots { get; init; }

    /// <summary>The message replied to, when Discord includes it (may lack attachments without the intent).</summary>
    public Message? ReferencedMessage { get; init; }

    /// <summary>The thread started on this message, if any.</summary>
    public Channel? Thread { get; init; }
}

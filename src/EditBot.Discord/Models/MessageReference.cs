namespace EditBot.Discord.Models;

/// <summary>Makes a message a reply (type 0, the default) or a forward.</summary>
public sealed record MessageReference
{
    public ulong? MessageId { get; init; }

    public ulong? ChannelId { get; init; }

    public ulong? GuildId { get; init; }

    public bool? FailIfNotExists { get; init; }

    /// <summary><see cref="MessageReferenceType"/>: 0 (or absent) a reply, 1 a forward.</summary>
    public int? Type { get; init; }
}

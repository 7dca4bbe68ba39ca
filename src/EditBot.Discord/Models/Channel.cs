namespace EditBot.Discord.Models;

public sealed record Channel
{
    public ulong Id { get; init; }

    /// <summary>See <see cref="ChannelType"/>.</summary>
    public int Type { get; init; }

    public ulong? GuildId { get; init; }

    public ulong? ParentId { get; init; }

    public string? Name { get; init; }

    public ulong? OwnerId { get; init; }

    /// <summary>The bot's (or, in an interaction, the invoking member's) computed permissions, when Discord includes them.</summary>
    public ulong? Permissions { get; init; }

    public IReadOnlyList<User>? Recipients { get; init; }

    /// <summary>True for public, private and announcement threads, which cannot hold another thread.</summary>
    public bool IsThread => Type is ChannelType.AnnouncementThread or ChannelType.PublicThread or ChannelType.PrivateThread;
}

namespace EditBot.Discord.Models;

/// <summary>A guild member; in interactions <see cref="Permissions"/> is the member's total permissions in the channel.</summary>
public sealed record GuildMember
{
    public User? User { get; init; }

    public string? Nick { get; init; }

    public IReadOnlyList<ulong>? Roles { get; init; }

    /// <summary>Permission bitset (a string on the wire).</summary>
    public ulong? Permissions { get; init; }

    public string? JoinedAt { get; init; }
}

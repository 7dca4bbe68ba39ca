namespace EditBot.Discord.Models;

/// <summary>An application command definition, as registered (PUT) and as listed (GET).</summary>
public sealed record ApplicationCommand
{
    /// <summary>Set by Discord.</summary>
    public ulong? Id { get; init; }

    public ulong? ApplicationId { get; init; }

    public ulong? GuildId { get; init; }

    public required string Name { get; init; }

    /// <summary>1–100 chars for chat-input commands; empty for user and message commands.</summary>
    public string? Description { get; init; }

    /// <summary>See <see cref="ApplicationCommandType"/>; Discord assumes 1 when absent.</summary>
    public int? Type { get; init; }

    public IReadOnlyList<CommandOption>? Options { get; init; }

    /// <summary>Permission bitset as a decimal string; "0" hides the command from everyone but admins.</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Deprecated in favour of <see cref="Contexts"/>, still honoured for global commands.</summary>
    public bool? DmPermission { get; init; }

    /// <summary>0 guild, 1 bot DM, 2 private channel.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>0 guild install, 1 user install.</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }

    public bool? Nsfw { get; init; }

    public ulong? Version { get; init; }
}

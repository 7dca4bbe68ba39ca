namespace EditBot.Moderation;

/// <summary>
/// One server's moderation rules, stored as JSON in the key-value store (scope "guild:{id}", key "settings").
/// Null or empty means "no rule". Immutable: a change is a <c>with</c> copy saved through <see cref="GuildSettingsStore"/>.
/// </summary>
public sealed record GuildSettings
{
    /// <summary>The schema written by this code; older documents are read and rewritten on the next change.</summary>
    public const int CurrentSchemaVersion = 1;

    public static GuildSettings Default { get; } = new();

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Channels (or thread parents) where edits are allowed; empty means everywhere not denied.</summary>
    public IReadOnlyList<ulong> AllowedChannelIds { get; init; } = [];

    /// <summary>Channels (or thread parents) where edits are never allowed; wins over <see cref="AllowedChannelIds"/>.</summary>
    public IReadOnlyList<ulong> DeniedChannelIds { get; init; } = [];

    /// <summary>Roles allowed to edit; empty means everyone.</summary>
    public IReadOnlyList<ulong> AllowedRoleIds { get; init; } = [];

    public ReviewSettings Review { get; init; } = new();

    public IReadOnlyList<BlocklistEntry> Blocklist { get; init; } = [];

    /// <summary>Edits (requests) one member may make per UTC day.</summary>
    public int? UserDailyEditLimit { get; init; }

    /// <summary>Output images the whole server may make per UTC day.</summary>
    public int? ServerDailyImageLimit { get; init; }

    /// <summary>Estimated spend the server may reach per UTC day, in US dollars.</summary>
    public decimal? DailyBudgetUsd { get; init; }

    /// <summary>Least time between two edits of one member.</summary>
    public TimeSpan? UserCooldown { get; init; }

    public int? MaxCount { get; init; }

    /// <summary>"low", "medium" or "high"; "auto" requests count as high.</summary>
    public string? MaxQuality { get; init; }

    /// <summary>Size used when the member gives none ("auto" or one of the model's sizes).</summary>
    public string? DefaultSize { get; init; }

    /// <summary>Quality used when the member gives none.</summary>
    public string? DefaultQuality { get; init; }

    public ulong? AuditChannelId { get; init; }

    public bool ResultsAsSpoilers { get; init; }

    /// <summary>The quality to use: the member's choice, else the server default, else "auto".</summary>
    public string QualityFor(string? requested) => string.IsNullOrWhiteSpace(requested) ? DefaultQuality ?? "auto" : requested.Trim().ToLowerInvariant();

    /// <summary>The size to use: the member's choice, else the server default, else "auto" (closest to the input's shape).</summary>
    public string SizeFor(string? requested) => string.IsNullOrWhiteSpace(requested) ? DefaultSize ?? "auto" : requested.Trim().ToLowerInvariant();
}

using System.ComponentModel.DataAnnotations;

namespace EditBot.Moderation;

/// <summary>Operator knobs of the moderation layer (configuration section "Moderation"). Server rules live in <see cref="GuildSettings"/>.</summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    /// <summary>
    /// How long a server's settings are served from memory. Changes made by this process take effect at once;
    /// with several instances sharing a store, another instance's change is seen within this time. Zero reads every time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SettingsCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Bound on one regular-expression blocklist entry's match (ReDoS safety).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan BlocklistMatchTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often requests waiting for review are checked for expiry.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ReviewSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most jobs read to compute one server's usage (per day for limits, per report period for usage).</summary>
    [Range(100, 1_000_000)]
    public int UsageScanLimit { get; set; } = 20_000;

    /// <summary>Whether edits may be asked for in direct messages with the bot (slash command, mention, buttons).</summary>
    public DirectMessagePolicy DirectMessages { get; set; } = DirectMessagePolicy.Allow;

    /// <summary>
    /// Whether edits may be asked for where only the person installed the app (a server that never added the bot, a
    /// group DM). There no server's rules apply, only the operator's.
    /// </summary>
    public DirectMessagePolicy UserInstall { get; set; } = DirectMessagePolicy.Allow;

    /// <summary>Most edits one person may make per UTC day across every server and DM; unset: no such limit.</summary>
    [Range(1, 1_000_000)]
    public int? GlobalDailyEditsPerUser { get; set; }

    /// <summary>Most the whole deployment may spend per UTC day (estimated, USD) across every server, DM and verb; unset: no cap.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal? GlobalDailyBudgetUsd { get; set; }

    /// <summary>Words refused in every prompt everywhere, matched like a server's blocklist words (case, accents, leetspeak, spacing).</summary>
    public List<string> GlobalBlocklist { get; set; } = [];
}

/// <summary>Where the operator lets edits be asked for outside a server.</summary>
public enum DirectMessagePolicy
{
    Allow,
    Deny,
}

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
}

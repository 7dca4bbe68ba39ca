namespace EditBot.Gmi;

/// <summary>Rules for every media download (configuration section "Downloads").</summary>
public sealed class DownloadOptions
{
    public const string SectionName = "Downloads";

    /// <summary>Used when <see cref="AllowedHosts"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultAllowedHosts { get; } = ["cdn.discordapp.com", "media.discordapp.net", "storage.googleapis.com"];

    /// <summary>
    /// Exact host names (case-insensitive) the bot may fetch from. Starts empty so that a configured list replaces
    /// the defaults instead of being appended to them by the binder; empty means <see cref="DefaultAllowedHosts"/>.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = [];

    /// <summary>Allows loopback/private targets and plain http (tests only).</summary>
    public bool AllowPrivateAddresses { get; set; }

    public long MaxBytes { get; set; } = 50L * 1000 * 1000;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a transient failure (5xx, 429, timeout, connection error).</summary>
    public int Retries { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The hosts in force: the configured list, or the defaults when none is configured.</summary>
    public IReadOnlyList<string> EffectiveAllowedHosts() =>
        AllowedHosts.Count > 0 ? [.. AllowedHosts] : DefaultAllowedHosts;
}

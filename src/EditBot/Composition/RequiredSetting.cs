using Microsoft.Extensions.Configuration;

namespace EditBot.Composition;

/// <summary>
/// A configuration key without which a verb cannot start. Checked before anything else runs so a missing key
/// stops start-up with one line that names the key and how to set it (the configuration contract: README, Configuration).
/// </summary>
public sealed record RequiredSetting(string Key, string Purpose)
{
    public static readonly RequiredSetting DiscordToken = new("Discord:Token", "the bot token from the Developer Portal");
    public static readonly RequiredSetting GmiApiKey = new("Gmi:ApiKey", "your GMI Cloud API key");
    public static readonly RequiredSetting DiscordPublicKey = new("Discord:PublicKey", "the application's public key, needed by the Http transport");

    public bool IsSetIn(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[Key]);

    /// <summary>The one line printed when the key is missing.</summary>
    public string MissingMessage =>
        $"EditBot cannot start: {Key} ({Purpose}) is not set. Set it in appsettings.json or as the environment variable {Key.Replace(":", "__", StringComparison.Ordinal)}.";

    /// <summary>The first missing setting of <paramref name="settings"/>, or null when all are present.</summary>
    public static RequiredSetting? FirstMissing(IConfiguration configuration, IEnumerable<RequiredSetting> settings) =>
        settings.FirstOrDefault(s => !s.IsSetIn(configuration));
}

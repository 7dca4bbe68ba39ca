using System.Globalization;

namespace EditBot.Core.Jobs;

/// <summary>
/// The keys of a job origin that came from Discord, defined once: <see cref="JobOrigin.RequesterKey"/>
/// "discord:{userId}" and <see cref="JobOrigin.ScopeKey"/> "guild:{guildId}" (also the key-value scope of a server's
/// settings). The Discord experience writes them and the moderation rules read them; both use these.
/// </summary>
public static class OriginKeys
{
    private const string UserPrefix = "discord:";
    private const string GuildPrefix = "guild:";

    public static string User(ulong userId) => UserPrefix + userId.ToString(CultureInfo.InvariantCulture);

    public static string Guild(ulong guildId) => GuildPrefix + guildId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The scope key of a request made in <paramref name="guildId"/>; null outside any server.</summary>
    public static string? Guild(ulong? guildId) => guildId is { } id ? Guild(id) : null;

    public static bool TryParseUser(string? requesterKey, out ulong userId) => TryParse(requesterKey, UserPrefix, out userId);

    public static bool TryParseGuild(string? scopeKey, out ulong guildId) => TryParse(scopeKey, GuildPrefix, out guildId);

    private static bool TryParse(string? key, string prefix, out ulong id)
    {
        id = 0;
        return key is not null
            && key.StartsWith(prefix, StringComparison.Ordinal)
            && ulong.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }
}

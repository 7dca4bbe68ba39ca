using System.Globalization;

namespace EditBot.Moderation;

/// <summary>The key formats shared with the Discord layer: JobOrigin.ScopeKey "guild:{id}", RequesterKey "discord:{userId}".</summary>
public static class ModerationKeys
{
    public const string SettingsKey = "settings";

    public static string Guild(ulong guildId) => "guild:" + guildId.ToString(CultureInfo.InvariantCulture);

    public static string User(ulong userId) => "discord:" + userId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseGuild(string? scopeKey, out ulong guildId) => TryParse(scopeKey, "guild:", out guildId);

    public static bool TryParseUser(string? requesterKey, out ulong userId) => TryParse(requesterKey, "discord:", out userId);

    private static bool TryParse(string? key, string prefix, out ulong id)
    {
        id = 0;
        return key is not null
            && key.StartsWith(prefix, StringComparison.Ordinal)
            && ulong.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }
}

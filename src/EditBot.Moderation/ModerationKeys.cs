namespace EditBot.Moderation;

/// <summary>
/// The moderation layer's own keys in the key-value store. A server's scope is its origin key
/// (<see cref="Core.Jobs.OriginKeys.Guild(ulong)"/>), defined once with the requester key.
/// </summary>
public static class ModerationKeys
{
    public const string SettingsKey = "settings";
}

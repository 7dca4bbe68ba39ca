namespace EditBot.Discord.Models;

/// <summary>Permission bits (API v10) this bot needs or checks: the one place they are spelled.</summary>
public static class DiscordPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong ManageMessages = 1UL << 13;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong AttachFiles = 1UL << 15;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong CreatePublicThreads = 1UL << 35;
    public const ulong SendMessagesInThreads = 1UL << 38;

    /// <summary>Exactly what the bot uses: read the channel, answer, start and post in threads, upload, embed, read replies.</summary>
    public const ulong BotNeeds = ViewChannel | SendMessages | SendMessagesInThreads | CreatePublicThreads | AttachFiles | EmbedLinks | ReadMessageHistory;

    /// <summary>The <c>default_member_permissions</c> of admin-only commands: Manage Server, as Discord's decimal string.</summary>
    public const string ManageGuildText = "32";

    public static bool Has(ulong? permissions, ulong required) => permissions is { } p && (p & required) == required;

    /// <summary>Manage Server, or Administrator (which implies every permission).</summary>
    public static bool IsServerAdmin(ulong? permissions) => permissions is { } p && (p & (ManageGuild | Administrator)) != 0;
}

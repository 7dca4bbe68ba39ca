namespace EditBot.TestSupport.Discord.Inject;

/// <summary>
/// Where and by whom an interaction was made: guild, channel, member permissions, the bot's permissions there,
/// the interaction token and the upload limit. <see cref="GuildId"/> null makes it a DM interaction (user, no member).
/// </summary>
public sealed record InteractionOrigin
{
    public const string DefaultGuildId = "1200000000000000001";
    public const string DefaultChannelId = "1210000000000000001";

    /// <summary>Send Messages, Attach Files, Read History, Create Public Threads, Send in Threads, View Channel, Embed Links.</summary>
    public const string DefaultAppPermissions = "309237763072";

    public string ApplicationId { get; init; } = "1100000000000000001";

    public string InteractionId { get; init; } = TestSnowflakes.Next();

    public string Token { get; init; } = "test-interaction-token-" + Guid.NewGuid().ToString("N");

    public string? GuildId { get; init; } = DefaultGuildId;

    public string ChannelId { get; init; } = DefaultChannelId;

    /// <summary>
    /// Only the user's own install authorized it (authorizing_integration_owners has key "1" alone): a server that never
    /// added the bot, or a group DM (with <see cref="GuildId"/> null and channel type 3).
    /// </summary>
    public bool UserInstall { get; init; }

    /// <summary>0 guild text, 1 DM, 3 group DM, 11 public thread, ...</summary>
    public int ChannelType { get; init; }

    /// <summary>For threads: the parent channel.</summary>
    public string? ParentChannelId { get; init; }

    public DiscordUserSpec User { get; init; } = DiscordUserSpec.Requester;

    /// <summary>The member's permissions in the channel (bitset as a string); default: an ordinary member (no Manage Server).</summary>
    public string MemberPermissions { get; init; } = "311385246720";

    public IReadOnlyList<string> MemberRoles { get; init; } = [];

    public string AppPermissions { get; init; } = DefaultAppPermissions;

    public long AttachmentSizeLimit { get; init; } = 10 * 1024 * 1024;

    public string Locale { get; init; } = "en-US";

    public static InteractionOrigin Guild { get; } = new();

    public static InteractionOrigin DirectMessage { get; } = new() { GuildId = null, ChannelType = 1, ChannelId = "1220000000000000001" };

    /// <summary>Every permission, Administrator and Manage Server included: a server admin.</summary>
    public InteractionOrigin AsAdmin() => this with { MemberPermissions = "2251799813685247" };
}

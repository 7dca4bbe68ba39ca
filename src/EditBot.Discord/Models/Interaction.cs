namespace EditBot.Discord.Models;

/// <summary>An interaction as Discord delivers it (INTERACTION_CREATE's <c>d</c>, or the HTTP endpoint's body).</summary>
public sealed record Interaction
{
    public ulong Id { get; init; }

    public ulong ApplicationId { get; init; }

    /// <summary>See <see cref="InteractionType"/>.</summary>
    public int Type { get; init; }

    public InteractionData? Data { get; init; }

    public ulong? GuildId { get; init; }

    public Channel? Channel { get; init; }

    public ulong? ChannelId { get; init; }

    /// <summary>Set in guilds; its <see cref="GuildMember.Permissions"/> are the member's permissions in the channel.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Set in DMs.</summary>
    public User? User { get; init; }

    /// <summary>Secret for 15 minutes: never log it.</summary>
    public string Token { get; init; } = "";

    public int Version { get; init; }

    /// <summary>The message a component was on.</summary>
    public Message? Message { get; init; }

    /// <summary>What the bot may do in this channel.</summary>
    public ulong? AppPermissions { get; init; }

    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    /// <summary>Largest file the bot may upload here, in bytes.</summary>
    public long? AttachmentSizeLimit { get; init; }

    /// <summary>0 guild, 1 bot DM, 2 private channel (a group DM, or a DM between others).</summary>
    public int? Context { get; init; }

    /// <summary>
    /// Who installed the app for this interaction: key "0" (server install) maps to the guild's id ("0" in the bot's
    /// own DM), key "1" (user install) to the user's id.
    /// </summary>
    public IReadOnlyDictionary<string, string>? AuthorizingIntegrationOwners { get; init; }

    /// <summary>
    /// True when the bot is a member where this happens: a server install covers it, or it is the bot's own DM. False
    /// for a user install used in a server that never added the bot, or in a group DM: the bot cannot post there, only
    /// answer the interaction. Unknown (an old payload without the field) counts as installed.
    /// </summary>
    public bool ServerInstalled =>
        AuthorizingIntegrationOwners is not { } owners || owners.ContainsKey("0") || (Context == 1 && GuildId is null);

    /// <summary>
    /// No server install authorized it (<c>authorizing_integration_owners</c> lacks the guild key "0"), the bot's own DM
    /// included: Discord then allows the interaction at most five follow-up messages. Unknown counts as not limited.
    /// </summary>
    public bool FollowupsLimited => AuthorizingIntegrationOwners is { } owners && !owners.ContainsKey("0");

    /// <summary>Whoever invoked it, in a guild or in a DM.</summary>
    public User? Invoker => Member?.User ?? User;
}

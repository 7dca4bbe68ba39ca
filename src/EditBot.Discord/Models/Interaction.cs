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

    /// <summary>0 guild, 1 bot DM, 2 private channel.</summary>
    public int? Context { get; init; }

    /// <summary>Whoever invoked it, in a guild or in a DM.</summary>
    public User? Invoker => Member?.User ?? User;
}

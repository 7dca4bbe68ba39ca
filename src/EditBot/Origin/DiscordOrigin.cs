namespace EditBot.Origin;

/// <summary>
/// Where a Discord job came from and where its progress and results go; stored in <c>JobOrigin.Data</c> under
/// "discord". Fixed at intake: what delivery learns later (thread, posted messages) lives in the delivery record.
/// </summary>
public sealed record DiscordOrigin
{
    public EntryKind Entry { get; init; }

    public ulong UserId { get; init; }

    public ulong? GuildId { get; init; }

    public ulong ChannelId { get; init; }

    /// <summary>The invoking channel's type (0 text, 1 DM, 10–12 threads, 15/16 forum/media); null when unknown.</summary>
    public int? ChannelType { get; init; }

    public ulong? ParentChannelId { get; init; }

    /// <summary>
    /// True when the channel could not be read (so whether it is a thread, and of which parent, is unknown): channel
    /// rules then fail closed instead of reading "no parent".
    /// </summary>
    public bool ChannelUnknown { get; init; }

    public ulong? ApplicationId { get; init; }

    public ulong? InteractionId { get; init; }

    /// <summary>The interaction token: a secret, kept only so follow-ups work for its 15 minutes. Never logged.</summary>
    public string? InteractionToken { get; init; }

    public DateTimeOffset? TokenIssuedAt { get; init; }

    /// <summary>The message edited as the job moves (the deferred answer, or the bot's reply to a mention).</summary>
    public ulong? ProgressMessageId { get; init; }

    /// <summary>True when the progress message is the interaction's original response.</summary>
    public bool ProgressIsOriginalResponse { get; init; }

    /// <summary>The message a thread is started on (the answer, the command's target, or the mentioning reply).</summary>
    public ulong? ThreadAnchorMessageId { get; init; }

    /// <summary>/edit private:true: progress and results only to the requester, no thread.</summary>
    public bool Private { get; init; }

    public long? AttachmentSizeLimit { get; init; }

    /// <summary>The bot's permissions in the channel (interactions carry them); null when unknown.</summary>
    public ulong? AppPermissions { get; init; }

    public bool ResultsAsSpoilers { get; init; }

    /// <summary>
    /// The bot can't post where this was asked (a user install in a server that never added the bot, a group DM, or a
    /// channel it may not send in): progress and results go only through the interaction, then the requester's DMs.
    /// </summary>
    public bool InteractionOnly { get; init; }

    /// <summary>Only the requester's own install authorized the request (no server install): the server's rules don't apply.</summary>
    public bool UserInstallOnly { get; init; }

    /// <summary>No server install authorized the interaction (its DM with the bot included): at most five follow-ups.</summary>
    public bool FollowupsLimited { get; init; }

    /// <summary>The server whose rules, defaults and counts apply: none where only the requester's install authorized it.</summary>
    public ulong? RulesGuildId() => UserInstallOnly ? null : GuildId;

    /// <summary>Notes from intake (image reduced, mask resized) shown in the progress message.</summary>
    public IReadOnlyList<string> IntakeNotes { get; init; } = [];

    public bool IsDirectMessage => GuildId is null;
}

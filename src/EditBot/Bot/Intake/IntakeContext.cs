namespace EditBot.Bot.Intake;

/// <summary>Who asks for what, where: what a policy (moderation) needs to decide at intake.</summary>
/// <param name="Permissions">The member's permissions in the channel (interactions carry them; 0 when unknown).</param>
/// <param name="ChannelUnknown">The channel could not be read, so its parent (if a thread) is unknown.</param>
/// <param name="UserInstallOnly">Only the requester's own install authorized it: no server's rules apply.</param>
/// <param name="Source">The job whose result's buttons started this request (re-roll, edit a result); its rules still apply.</param>
public sealed record IntakeContext(
    ulong? GuildId,
    ulong ChannelId,
    ulong? ParentChannelId,
    ulong UserId,
    IReadOnlyList<ulong> RoleIds,
    ulong Permissions,
    string Prompt,
    int Count,
    string Quality,
    string Size,
    bool ChannelUnknown = false,
    Core.Jobs.Job? Source = null,
    bool UserInstallOnly = false);

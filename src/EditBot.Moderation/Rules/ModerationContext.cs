using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>
/// The Discord context the rules need again at submission, kept in the job's <see cref="JobOrigin"/>: the host stores it
/// at intake (from the policy's decision) and reads it back through <see cref="IModerationContextReader"/>.
/// </summary>
public sealed record ModerationContext(
    ulong GuildId,
    ulong ChannelId,
    ulong? ParentChannelId,
    ulong UserId,
    IReadOnlyList<ulong> RoleIds,
    MemberPermissions Permissions,
    bool DirectMessage = false)
{
    public static ModerationContext From(ModerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.GuildId, request.ChannelId, request.ParentChannelId, request.UserId, [.. request.RoleIds], request.Permissions, request.DirectMessage);
    }

    public ModerationRequest ToRequest(EditRequest edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return new(GuildId, ChannelId, ParentChannelId, UserId, RoleIds ?? [], Permissions, edit.Prompt, edit.Count, edit.Quality, edit.Size, DirectMessage: DirectMessage);
    }
}

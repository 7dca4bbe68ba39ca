namespace EditBot.Moderation;

/// <summary>
/// An edit request as the rules see it: where, who (with roles and permissions) and what. <see cref="ParentChannelId"/>
/// is the thread's parent channel when the request comes from a thread, so channel rules apply to threads too.
/// </summary>
public sealed record ModerationRequest(
    ulong GuildId,
    ulong ChannelId,
    ulong? ParentChannelId,
    ulong UserId,
    IReadOnlyCollection<ulong> RoleIds,
    MemberPermissions Permissions,
    string Prompt,
    int Count,
    string Quality,
    string Size)
{
    public bool Has(MemberPermissions permission) => (Permissions & permission) == permission;
}

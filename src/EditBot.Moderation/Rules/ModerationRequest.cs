namespace EditBot.Moderation;

/// <summary>
/// An edit request as the rules see it: where, who (with roles and permissions) and what. <see cref="ParentChannelId"/>
/// is the thread's parent channel when the request comes from a thread, so channel rules apply to threads too;
/// <see cref="ChannelUnknown"/> says the channel could not be read (parent unknown), and channel lists then fail closed.
/// <see cref="DirectMessage"/> says the person asked in a DM (a server's result's button pressed there): the server's
/// rules apply, and so does the operator's <c>Moderation:DirectMessages</c>.
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
    string Size,
    bool ChannelUnknown = false,
    bool DirectMessage = false)
{
    public bool Has(MemberPermissions permission) => (Permissions & permission) == permission;
}

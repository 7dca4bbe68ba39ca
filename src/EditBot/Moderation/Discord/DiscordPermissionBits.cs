namespace EditBot.Moderation.Discord;

/// <summary>The Discord permission bits the moderation layer reads from an interaction's <c>member.permissions</c>.</summary>
public static class DiscordPermissionBits
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageServer = 1UL << 5;
    public const ulong ManageMessages = 1UL << 13;

    /// <summary>The <c>default_member_permissions</c> of /editbot-admin: Manage Server, as Discord's decimal string.</summary>
    public const string ManageServerText = "32";

    /// <summary>Manage Server, or Administrator (which implies every permission).</summary>
    public static bool CanManageServer(ulong? permissions) =>
        permissions is { } bits && (bits & (ManageServer | Administrator)) != 0;

    /// <summary>The rules' view of a member's permissions; Administrator counts as both.</summary>
    public static MemberPermissions ToMemberPermissions(ulong? permissions)
    {
        if (permissions is not { } bits)
        {
            return MemberPermissions.None;
        }

        if ((bits & Administrator) != 0)
        {
            return MemberPermissions.ManageServer | MemberPermissions.ManageMessages;
        }

        var result = MemberPermissions.None;
        if ((bits & ManageServer) != 0)
        {
            result |= MemberPermissions.ManageServer;
        }

        if ((bits & ManageMessages) != 0)
        {
            result |= MemberPermissions.ManageMessages;
        }

        return result;
    }
}

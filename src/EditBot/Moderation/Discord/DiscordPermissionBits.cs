using EditBot.Discord.Models;

namespace EditBot.Moderation.Discord;

/// <summary>The rules' view of the Discord permission bits (<see cref="DiscordPermissions"/>) an interaction carries.</summary>
public static class DiscordPermissionBits
{
    /// <summary>The rules' view of a member's permissions; Administrator counts as both.</summary>
    public static MemberPermissions ToMemberPermissions(ulong? permissions)
    {
        if (permissions is not { } bits)
        {
            return MemberPermissions.None;
        }

        if ((bits & DiscordPermissions.Administrator) != 0)
        {
            return MemberPermissions.ManageServer | MemberPermissions.ManageMessages;
        }

        var result = MemberPermissions.None;
        if ((bits & DiscordPermissions.ManageGuild) != 0)
        {
            result |= MemberPermissions.ManageServer;
        }

        if ((bits & DiscordPermissions.ManageMessages) != 0)
        {
            result |= MemberPermissions.ManageMessages;
        }

        return result;
    }
}

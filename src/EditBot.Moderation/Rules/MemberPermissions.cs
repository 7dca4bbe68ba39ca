namespace EditBot.Moderation;

/// <summary>The member permissions the rules care about (from the interaction's resolved member permissions).</summary>
[Flags]
public enum MemberPermissions
{
    None = 0,
    ManageServer = 1,
    ManageMessages = 2,
}

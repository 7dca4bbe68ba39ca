namespace EditBot.Moderation;

/// <summary>One entry of a server's prompt blocklist, with who added it and when (for the audit trail and the list command).</summary>
public sealed record BlocklistEntry(BlocklistEntryKind Kind, string Pattern, ulong AddedByUserId, DateTimeOffset AddedAt);

namespace EditBot.Moderation.Discord;

/// <summary>An audit entry waiting in <see cref="AuditLog"/>'s queue for its server's audit channel.</summary>
internal sealed record PendingAuditPost(ulong GuildId, AuditEntry Entry);

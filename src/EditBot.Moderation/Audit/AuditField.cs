namespace EditBot.Moderation;

/// <summary>One embed field (Discord: name up to 256 characters, value up to 1024).</summary>
public sealed record AuditField(string Name, string Value, bool Inline);

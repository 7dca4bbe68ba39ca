namespace EditBot.Moderation;

/// <summary>
/// A refusal: the rule, a message for the member that names the rule, the numbers and when it resets, and the
/// reset time itself (for a Discord timestamp) when the rule resets.
/// </summary>
public sealed record RuleRefusal(ModerationRule Rule, string Message, DateTimeOffset? ResetsAt = null);

namespace EditBot.Moderation;

/// <summary>
/// The answer to "may this request go ahead?": a refusal, or permission with the estimated cost and whether the
/// request must wait for review first. <see cref="Settings"/> is what was checked (for spoilers, the review and
/// audit channels).
/// </summary>
public sealed record ModerationVerdict(RuleRefusal? Refusal, CostEstimate Cost, bool NeedsReview, GuildSettings Settings)
{
    public bool IsAllowed => Refusal is null;
}

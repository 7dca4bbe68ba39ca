namespace EditBot.Moderation;

/// <summary>The model's quality levels, ordered by cost. Requests carry them as lower-case text.</summary>
public enum QualityLevel
{
    Low,
    Medium,
    High,
    /// <summary>The model chooses; it may choose high, so rules and prices treat it as <see cref="High"/>.</summary>
    Auto,
}

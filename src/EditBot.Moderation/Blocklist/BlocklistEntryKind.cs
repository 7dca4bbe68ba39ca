namespace EditBot.Moderation;

/// <summary>How a blocklist entry matches. Persisted by name.</summary>
public enum BlocklistEntryKind
{
    /// <summary>A word or phrase, matched as whole words after normalization (spacing, look-alikes and leetspeak included).</summary>
    Word,

    /// <summary>A regular expression, run case-insensitively against the normalized prompt.</summary>
    Regex,
}

namespace EditBot.Moderation;

/// <summary>Adds and removes blocklist entries with the checks and messages an admin needs.</summary>
public static class BlocklistEditor
{
    public const int MaxPatternLength = 200;

    /// <summary>Validates and adds an entry; a bad pattern is refused with the reason and nothing changes.</summary>
    public static SettingsUpdate Add(GuildSettings settings, BlocklistEntryKind kind, string pattern, ulong addedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = (pattern ?? "").Trim();
        var problem = FindProblem(settings, kind, text);
        if (problem is not null)
        {
            return SettingsUpdate.Refused(settings, problem);
        }

        var entry = new BlocklistEntry(kind, text, addedBy, at);
        return new SettingsUpdate(true, settings with { Blocklist = [.. settings.Blocklist, entry] }, null);
    }

    /// <summary>Removes the entry with this exact pattern (case-insensitive).</summary>
    public static SettingsUpdate Remove(GuildSettings settings, string pattern)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = (pattern ?? "").Trim();
        var kept = settings.Blocklist.Where(e => !string.Equals(e.Pattern, text, StringComparison.OrdinalIgnoreCase)).ToList();
        return kept.Count == settings.Blocklist.Count
            ? SettingsUpdate.Refused(settings, $"“{text}” is not on the blocklist.")
            : new SettingsUpdate(true, settings with { Blocklist = kept }, null);
    }

    private static string? FindProblem(GuildSettings settings, BlocklistEntryKind kind, string text)
    {
        if (text.Length == 0)
        {
            return "The entry is empty.";
        }

        if (text.Length > MaxPatternLength)
        {
            return $"Entries are limited to {MaxPatternLength} characters.";
        }

        if (settings.Blocklist.Count >= GuildSettingsValidator.MaxBlocklistEntries)
        {
            return $"The blocklist is full ({GuildSettingsValidator.MaxBlocklistEntries} entries); remove one first.";
        }

        if (settings.Blocklist.Any(e => e.Kind == kind && string.Equals(e.Pattern, text, StringComparison.OrdinalIgnoreCase)))
        {
            return $"“{text}” is already on the blocklist.";
        }

        return kind == BlocklistEntryKind.Word ? WordProblem(text) : RegexProblem(text);
    }

    private static string? WordProblem(string text) =>
        WordPattern.Build(text) is null ? $"“{text}” has no letters or digits to match." : null;

    private static string? RegexProblem(string text)
    {
        var regex = BlocklistRegex.TryCompile(text, TimeSpan.FromSeconds(1), out var error);
        if (regex is null)
        {
            return $"“{text}” is not a valid regular expression: {error}";
        }

        return regex.IsMatch("")
            ? $"“{text}” matches empty text, so it would block every prompt; make it more specific."
            : null;
    }
}

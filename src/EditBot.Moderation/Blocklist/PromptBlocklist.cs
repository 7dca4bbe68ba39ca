using System.Text.RegularExpressions;

namespace EditBot.Moderation;

/// <summary>
/// A server's blocklist compiled for matching. Word entries run as linear patterns over the normalized prompt;
/// regular-expression entries run over the normalized prompt and its leetspeak readings, with a match timeout.
/// Immutable and thread-safe; <see cref="PromptBlocklistCache"/> keeps one per settings version.
/// </summary>
public sealed class PromptBlocklist
{
    private readonly (BlocklistEntry Entry, Regex Pattern, bool HasLetters)[] compiled;

    private PromptBlocklist((BlocklistEntry, Regex, bool)[] compiled) => this.compiled = compiled;

    public static PromptBlocklist Empty { get; } = new([]);

    public int Count => compiled.Length;

    /// <summary>Compiles every valid entry; an entry that cannot compile (never accepted by <see cref="BlocklistEditor"/>) is left out.</summary>
    public static PromptBlocklist Compile(IEnumerable<BlocklistEntry> entries, TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var compiled = new List<(BlocklistEntry, Regex, bool)>();
        foreach (var entry in entries)
        {
            var regex = entry.Kind == BlocklistEntryKind.Word
                ? CompileWord(entry.Pattern, matchTimeout)
                : BlocklistRegex.TryCompile(entry.Pattern, matchTimeout, out _);
            if (regex is not null)
            {
                var hasLetters = entry.Kind == BlocklistEntryKind.Regex || WordPattern.WordsOf(entry.Pattern).Any(w => w.Any(char.IsLetter));
                compiled.Add((entry, regex, hasLetters));
            }
        }

        return new PromptBlocklist([.. compiled]);
    }

    /// <summary>The first entry (in list order) that the prompt matches, or null when it is clean.</summary>
    public BlocklistMatch? FindMatch(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (compiled.Length == 0)
        {
            return null;
        }

        var normalized = PromptNormalizer.Normalize(prompt);
        string? numbersHidden = null;
        string[]? readings = null;
        foreach (var (entry, pattern, hasLetters) in compiled)
        {
            try
            {
                if (entry.Kind == BlocklistEntryKind.Word)
                {
                    // A word with letters must not be found in plain numbers ("455" is not "ass"); a number entry must.
                    var text = hasLetters ? numbersHidden ??= LeetDecoder.HideNumbers(normalized) : normalized;
                    if (pattern.IsMatch(text))
                    {
                        return new BlocklistMatch(entry);
                    }

                    continue;
                }

                readings ??= ReadingsOf(normalized);
                if (readings.Any(pattern.IsMatch))
                {
                    return new BlocklistMatch(entry);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return new BlocklistMatch(entry, TimedOut: true);
            }
        }

        return null;
    }

    private static Regex? CompileWord(string word, TimeSpan timeout)
    {
        var pattern = WordPattern.Build(word);
        return pattern is null
            ? null
            : new Regex(pattern, RegexOptions.CultureInvariant, timeout);
    }

    // What a regular-expression entry sees: the normalized prompt as written, and with leetspeak read as letters
    // (both readings of "1" when there is one, since it may stand for i or l).
    private static string[] ReadingsOf(string normalized)
    {
        var asI = LeetDecoder.Decode(normalized, 'i');
        return LeetDecoder.HasAmbiguousOne(normalized)
            ? [normalized, asI, LeetDecoder.Decode(normalized, 'l')]
            : [normalized, asI];
    }
}

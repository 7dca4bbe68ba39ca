using System.Text;
using System.Text.RegularExpressions;

namespace EditBot.Moderation;

/// <summary>
/// Builds the regular expression for a word entry. The entry matches as whole words of the normalized prompt,
/// either written together ("bad word", "badword", "b4d w0rd") or spelled out one letter at a time with anything
/// between the letters ("b a d w o r d", "b.a.d", "b-a-d"). Whole words only: blocking "ass" leaves "class" and
/// "assistant" alone, and a contraction such as "he'll" is not the spelled-out "hell". Each letter also accepts the
/// digits and symbols that imitate it, so the text needs no leetspeak decoding of its own. A symbol standing for a
/// letter inside a spelled-out word with spaces around it ("b @ d") is not caught: separators are read greedily.
/// </summary>
internal static partial class WordPattern
{
    private const string WordChar = @"\p{L}\p{M}\p{N}";
    private const string Separator = "[^" + WordChar + "]";

    private static readonly Dictionary<char, string> LookAlikes = new()
    {
        ['a'] = "a4@",
        ['e'] = "e3",
        ['i'] = "i1!|",
        ['l'] = "l1|",
        ['o'] = "o0",
        ['s'] = "s5$",
        ['t'] = "t7",
        [PromptNormalizer.AmbiguousIOrL] = "|1il!",
    };

    /// <summary>The entry's words in normalized, leet-decoded form ("B4D-Word" gives "bad", "word").</summary>
    public static string[] WordsOf(string entry)
    {
        var normalized = PromptNormalizer.Normalize(entry).Replace('!', ' ');
        var decoded = LeetDecoder.Decode(normalized, PromptNormalizer.AmbiguousIOrL);
        return WordSplitter().Split(decoded).Where(w => w.Length > 0).ToArray();
    }

    /// <summary>The pattern text, or null when the entry has no letters or digits to match.</summary>
    /// <remarks>
    /// Runs on the backtracking engine, which builds patterns far faster than NonBacktracking (hundreds of entries
    /// per settings change), and stays linear: separator runs are atomic, so nothing is ever re-scanned.
    /// </remarks>
    public static string? Build(string entry)
    {
        var words = WordsOf(entry);
        if (words.Length == 0)
        {
            return null;
        }

        var together = string.Join($"(?>{Separator}*)", words.Select(w => string.Concat(w.Select(ClassFor))));
        if (words.Any(w => w.Any(IsWrittenWithoutSpaces)))
        {
            // Chinese, Japanese, Thai... have no spaces between words, so there are no word boundaries to demand.
            return together;
        }

        var spelledOut = string.Join($"(?>{Separator}+)", string.Concat(words).Select(ClassFor));
        return $"(?<![{WordChar}])(?:{together}|{spelledOut})(?![{WordChar}])";
    }

    private static string ClassFor(char c)
    {
        var members = LookAlikes.TryGetValue(c, out var alikes) ? alikes : c.ToString();
        var builder = new StringBuilder("[");
        foreach (var member in members)
        {
            if (member is '\\' or ']' or '[' or '^' or '-')
            {
                builder.Append('\\');
            }

            builder.Append(member);
        }

        return builder.Append(']').ToString();
    }

    private static bool IsWrittenWithoutSpaces(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\u0E00' and <= '\u0EFF') or (>= '\u1000' and <= '\u109F') or (>= '\u1780' and <= '\u17FF');

    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}|]+")]
    private static partial Regex WordSplitter();
}

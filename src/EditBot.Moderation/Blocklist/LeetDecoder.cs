namespace EditBot.Moderation;

/// <summary>
/// Reads digits and symbols as the letters they imitate ("h3ll0" as "hello", "@$$" as "ass") inside a word that has
/// at least one real letter, so numbers such as "2024" or "4 cats" stay numbers. Used on blocklist words and on
/// the text that regular-expression entries see; word entries get the same effect from their character classes.
/// </summary>
internal static class LeetDecoder
{
    /// <summary>Rewrites each word of <paramref name="normalized"/>; '1' and '|' become <paramref name="oneAs"/>.</summary>
    public static string Decode(string normalized, char oneAs)
    {
        var chars = normalized.ToCharArray();
        foreach (var (start, length) in Tokens(normalized))
        {
            if (normalized.AsSpan(start, length).ContainsAnyExcept(NonLetters))
            {
                for (var i = start; i < start + length; i++)
                {
                    chars[i] = LetterFor(chars[i], oneAs);
                }
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// Hides the digits of plain numbers ("455", "4 cats") from leetspeak classes by replacing them with a digit no
    /// class contains, so "455" cannot read as "ass". A lone digit in a spelled-out run ("b 4 d") is kept.
    /// </summary>
    public static string HideNumbers(string normalized)
    {
        var tokens = Tokens(normalized);
        var chars = normalized.ToCharArray();
        for (var t = 0; t < tokens.Count; t++)
        {
            var (start, length) = tokens[t];
            var token = normalized.AsSpan(start, length);
            if (token.ContainsAnyExcept(NonLetters) || (length == 1 && (IsSingleLetter(t - 1) || IsSingleLetter(t + 1))))
            {
                continue;
            }

            for (var i = start; i < start + length; i++)
            {
                if (chars[i] is '0' or '1' or '3' or '4' or '5' or '7')
                {
                    chars[i] = HiddenDigit;
                }
            }
        }

        return new string(chars);

        bool IsSingleLetter(int t) => t >= 0 && t < tokens.Count && tokens[t].Length == 1 && char.IsLetter(normalized[tokens[t].Start]);
    }

    /// <summary>True when the text has a '1' or '|' that the two readings (i or l) would decode differently.</summary>
    public static bool HasAmbiguousOne(string normalized) => normalized.AsSpan().IndexOfAny('1', '|') >= 0;

    // ARABIC-INDIC DIGIT ZERO: still a digit (so word boundaries stay where they were) but in no look-alike class.
    private const char HiddenDigit = '\u0660';

    private static readonly System.Buffers.SearchValues<char> NonLetters = System.Buffers.SearchValues.Create("0123456789@$!|");

    private static List<(int Start, int Length)> Tokens(string text)
    {
        var tokens = new List<(int, int)>();
        var start = 0;
        while (start < text.Length)
        {
            if (!IsWordOrLeet(text[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < text.Length && IsWordOrLeet(text[end]))
            {
                end++;
            }

            tokens.Add((start, end - start));
            start = end;
        }

        return tokens;
    }

    public static bool IsLeetSymbol(char c) => c is '@' or '$' or '!' or '|';

    private static bool IsWordOrLeet(char c) => char.IsLetterOrDigit(c) || IsLeetSymbol(c);

    private static char LetterFor(char c, char oneAs) => c switch
    {
        '0' => 'o',
        '1' or '|' => oneAs,
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        '!' => 'i',
        _ => c,
    };
}

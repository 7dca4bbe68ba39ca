using System.Globalization;
using System.Text;

namespace EditBot.Moderation;

/// <summary>
/// Puts a prompt (or a blocklist word) into the form the blocklist compares: invisible format characters removed,
/// compatibility forms and diacritics folded (fullwidth "ｂ", bold "𝐛", circled "ⓑ" and "á" all become "b"/"a"),
/// look-alike letters of other scripts mapped to Latin, and everything lower-cased. Digits and symbols are kept:
/// leetspeak is resolved by the blocklist's patterns, which know that "4" may stand for "a".
/// </summary>
public static class PromptNormalizer
{
    /// <summary>
    /// Stands for a character that may be a capital I or a small l (a capital I inside a lower-case word, as in
    /// "heII"); the blocklist lets it match both letters.
    /// </summary>
    public const char AmbiguousIOrL = '|';

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MapLetters(FoldAndStrip(text));
    }

    private static string FoldAndStrip(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                || ConfusableLetters.IsInvisibleFiller(rune.Value))
            {
                continue;
            }

            UnicodeFoldTable.AppendFolded(builder, rune);
        }

        return builder.ToString();
    }

    private static string MapLetters(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        var previousWasAmbiguous = false;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var ambiguous = IsAmbiguousIOrL(folded, i, previousWasAmbiguous);
            previousWasAmbiguous = ambiguous;
            if (ambiguous)
            {
                builder.Append(AmbiguousIOrL);
            }
            else if (ConfusableLetters.Map.TryGetValue(c, out var latin))
            {
                builder.Append(latin);
            }
            else
            {
                var lower = char.ToLowerInvariant(c);
                if (ConfusableLetters.Map.TryGetValue(lower, out var lowerLatin))
                {
                    builder.Append(lowerLatin);
                }
                else
                {
                    builder.Append(lower);
                }
            }
        }

        return builder.ToString();
    }

    // A capital I after a lower-case letter ("heII") is probably an l; a small l between capitals ("KlLL") is
    // probably an I. Elsewhere I is i and l is l, so "Hello" and "ILL" read as written.
    private static bool IsAmbiguousIOrL(string text, int index, bool previousWasAmbiguous)
    {
        var c = text[index];
        var previous = index > 0 ? text[index - 1] : '\0';
        if (c is 'Ӏ' or 'ӏ')
        {
            return true;
        }

        if (ConfusableLetters.IsCapitalILike(c))
        {
            return char.IsLower(previous) || previousWasAmbiguous;
        }

        if (c == 'l')
        {
            var next = index + 1 < text.Length ? text[index + 1] : '\0';
            return char.IsUpper(previous) && !char.IsLower(next);
        }

        return false;
    }
}

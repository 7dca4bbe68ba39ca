using System.Collections.Frozen;

namespace EditBot.Moderation;

/// <summary>
/// Letters of other scripts (and Latin oddities) that look like a Latin letter, folded to that letter so a
/// prompt written with Cyrillic "а" or Greek "ο" reads like its Latin twin. Upper-case forms are listed where
/// they look unlike their lower case (Greek "Η" looks like H, its lower case "η" like n).
/// </summary>
internal static class ConfusableLetters
{
    /// <summary>Looked up on the original character, before lower-casing.</summary>
    public static readonly FrozenDictionary<char, string> Map = new Dictionary<char, string>
    {
        // Cyrillic capitals
        ['А'] = "a", ['В'] = "b", ['Е'] = "e", ['К'] = "k", ['М'] = "m", ['Н'] = "h", ['О'] = "o", ['Р'] = "p",
        ['С'] = "c", ['Т'] = "t", ['Х'] = "x", ['У'] = "y", ['Ү'] = "y", ['Ѕ'] = "s", ['Ј'] = "j", ['Һ'] = "h",
        ['Ԁ'] = "d", ['Ԛ'] = "q", ['Ԝ'] = "w", ['З'] = "3",
        // Cyrillic small letters
        ['а'] = "a", ['в'] = "b", ['е'] = "e", ['к'] = "k", ['м'] = "m", ['н'] = "h", ['о'] = "o", ['р'] = "p",
        ['с'] = "c", ['т'] = "t", ['х'] = "x", ['у'] = "y", ['ү'] = "y", ['ѕ'] = "s", ['ј'] = "j", ['һ'] = "h",
        ['ԁ'] = "d", ['ԛ'] = "q", ['ԝ'] = "w", ['і'] = "i", ['ь'] = "b", ['п'] = "n", ['г'] = "r", ['ш'] = "w",
        ['ѡ'] = "w", ['ɡ'] = "g",
        // Greek capitals
        ['Α'] = "a", ['Β'] = "b", ['Ε'] = "e", ['Ζ'] = "z", ['Η'] = "h", ['Κ'] = "k", ['Μ'] = "m", ['Ν'] = "n",
        ['Ο'] = "o", ['Ρ'] = "p", ['Τ'] = "t", ['Υ'] = "y", ['Χ'] = "x",
        // Greek small letters
        ['α'] = "a", ['β'] = "b", ['γ'] = "y", ['ε'] = "e", ['η'] = "n", ['ι'] = "i", ['κ'] = "k", ['μ'] = "u",
        ['ν'] = "v", ['ο'] = "o", ['ρ'] = "p", ['σ'] = "o", ['ς'] = "c", ['τ'] = "t", ['υ'] = "u", ['χ'] = "x",
        ['ω'] = "w",
        // Armenian
        ['օ'] = "o", ['ս'] = "u", ['հ'] = "h", ['ո'] = "n",
        // Latin letters without a decomposition, and small capitals
        ['ı'] = "i", ['ȷ'] = "j", ['ɑ'] = "a", ['ø'] = "o", ['Ø'] = "o", ['đ'] = "d", ['Đ'] = "d", ['ħ'] = "h",
        ['ł'] = "l", ['Ł'] = "l", ['ŧ'] = "t", ['ß'] = "ss", ['ẞ'] = "ss", ['æ'] = "ae", ['Æ'] = "ae", ['œ'] = "oe",
        ['Œ'] = "oe", ['ᴀ'] = "a", ['ʙ'] = "b", ['ᴄ'] = "c", ['ᴅ'] = "d", ['ᴇ'] = "e", ['ɢ'] = "g", ['ʜ'] = "h",
        ['ɪ'] = "i", ['ᴊ'] = "j", ['ᴋ'] = "k", ['ʟ'] = "l", ['ᴍ'] = "m", ['ɴ'] = "n", ['ᴏ'] = "o", ['ᴘ'] = "p",
        ['ʀ'] = "r", ['ꜱ'] = "s", ['ᴛ'] = "t", ['ᴜ'] = "u", ['ᴠ'] = "v", ['ᴡ'] = "w", ['ʏ'] = "y", ['ᴢ'] = "z",
    }.ToFrozenDictionary();

    /// <summary>Letters that look like a capital I or a small l: which one was meant depends on their neighbours.</summary>
    public static bool IsCapitalILike(char c) => c is 'I' or 'І' or 'Ι' or 'Ӏ' or 'ӏ';

    /// <summary>Characters that add nothing visible but are not format characters (Hangul fillers, braille blank).</summary>
    public static bool IsInvisibleFiller(int codePoint) => codePoint is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;
}

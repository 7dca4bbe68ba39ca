using System.Text;

namespace EditBot.Moderation;

/// <summary>
/// Text helpers for audit and review posts. Markdown is escaped so a prompt cannot restyle the log; mentions in a
/// prompt stay inert only if the host sends these posts with <c>allowed_mentions: {"parse": []}</c>, which it must.
/// </summary>
public static class AuditText
{
    private const char Ellipsis = '…';

    /// <summary>At most <paramref name="max"/> characters, ending in "…" when shortened, never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= 0)
        {
            return "";
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), Ellipsis.ToString());
    }

    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '~' or '|' or '>' or '#' or '[' or ']')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Line breaks become spaces so one entry stays one line.</summary>
    public static string OneLine(string text) =>
        (text ?? "").ReplaceLineEndings(" ");
}

using System.Text.RegularExpressions;

namespace EditBot.Bot.Entry;

/// <summary>Finds the bot's mention in a message ("&lt;@id&gt;" or the legacy "&lt;@!id&gt;") and returns the rest as the prompt.</summary>
public static partial class MentionParser
{
    /// <returns>True when the text mentions <paramref name="botUserId"/>; <paramref name="prompt"/> is the text without those mentions.</returns>
    public static bool TryExtractPrompt(string? content, ulong botUserId, out string prompt)
    {
        prompt = "";
        if (string.IsNullOrEmpty(content))
        {
            return false;
        }

        var found = false;
        var rest = MentionPattern().Replace(content, match =>
        {
            if (ulong.TryParse(match.Groups["id"].ValueSpan, out var id) && id == botUserId)
            {
                found = true;
                return " ";
            }

            return match.Value;
        });
        prompt = WhitespacePattern().Replace(rest, " ").Trim();
        return found;
    }

    [GeneratedRegex(@"<@!?(?<id>\d{1,20})>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespacePattern();
}

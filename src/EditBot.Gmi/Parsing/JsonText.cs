using System.Globalization;
using System.Text.Json;

namespace EditBot.Gmi.Parsing;

/// <summary>Reads human text out of loosely typed JSON values (a string, or an object with a message).</summary>
internal static class JsonText
{
    private static readonly string[] MessageKeys = ["message", "error", "error_message", "detail", "details", "reason", "fail_reason"];

    public static string? Of(JsonElement? element) => element is { } e ? Of(e, depth: 0) : null;

    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    private static string? Of(JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var s = element.GetString();
                return string.IsNullOrWhiteSpace(s) ? null : s;
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return element.GetRawText();
            case JsonValueKind.Object when depth < 3:
                foreach (var key in MessageKeys)
                {
                    if (element.TryGetProperty(key, out var inner) && Of(inner, depth + 1) is { } text)
                    {
                        return WithDetails(element, text, key);
                    }
                }

                return element.GetRawText();
            case JsonValueKind.Array when depth < 3 && element.GetArrayLength() > 0:
                return Of(element[0], depth + 1);
            default:
                return null;
        }
    }

    private static string WithDetails(JsonElement element, string text, string usedKey)
    {
        if (usedKey != "details" && element.TryGetProperty("details", out var details) && details.ValueKind != JsonValueKind.Null)
        {
            var detailText = details.ValueKind == JsonValueKind.String ? details.GetString() : details.GetRawText();
            if (!string.IsNullOrWhiteSpace(detailText))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{text} ({detailText})");
            }
        }

        return text;
    }
}

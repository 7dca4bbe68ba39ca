using System.Text.Json;
using EditBot.Gmi.Parsing;

namespace EditBot.Gmi.Http;

/// <summary>The reason text of an error body: {"error":"..."}, {"error":{"message","details"}}, {"message":"..."} or plain text.</summary>
internal static class ErrorBodyReader
{
    private const int MaxLength = 300;

    public static string? Read(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in new[] { "error", "message", "detail", "error_message" })
                {
                    if (root.TryGetProperty(key, out var value) && JsonText.Of(value) is { } text)
                    {
                        return JsonText.Truncate(text, MaxLength);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, say): fall back to the text itself.
        }

        return JsonText.Truncate(body.Trim(), MaxLength);
    }
}

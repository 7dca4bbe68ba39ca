using System.Text.Json;
using System.Text.Json.Nodes;
using EditBot.Gmi.Wire;

namespace EditBot.Gmi.Parsing;

/// <summary>
/// Failure text has no documented schema: outcome.error, .message, .error_message, .fail_reason, then the
/// record's own error / message; failing all that, the record itself (without the bulky payload), truncated.
/// </summary>
internal static class FailureTextReader
{
    private const int MaxRawLength = 500;
    private static readonly string[] OutcomeKeys = ["error", "message", "error_message", "fail_reason"];

    /// <param name="rawJson">The record's text; only asked for when no field names the failure.</param>
    public static string Read(RequestRecordDto record, Func<string> rawJson)
    {
        if (record.Outcome is { ValueKind: JsonValueKind.Object } outcome)
        {
            foreach (var key in OutcomeKeys)
            {
                if (outcome.TryGetProperty(key, out var value) && JsonText.Of(value) is { } text)
                {
                    return text;
                }
            }
        }

        if (record.Outcome is { ValueKind: JsonValueKind.String } outcomeText && JsonText.Of(outcomeText) is { } plain)
        {
            return plain;
        }

        return JsonText.Of(record.Error) ?? JsonText.Of(record.Message) ?? RawWithoutPayload(rawJson());
    }

    private static string RawWithoutPayload(string rawJson)
    {
        try
        {
            if (JsonNode.Parse(rawJson) is JsonObject node)
            {
                node.Remove("payload");
                return JsonText.Truncate(node.ToJsonString(), MaxRawLength);
            }
        }
        catch (JsonException)
        {
            // The caller already parsed this text; a failure here only means we keep it as it is.
        }

        return JsonText.Truncate(rawJson, MaxRawLength);
    }
}

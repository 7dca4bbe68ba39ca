using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EditBot.TestSupport.Discord.Contract;

/// <summary>Types, <c>format</c> values, references and the declared property names of allOf parts.</summary>
public sealed partial class JsonSchemaValidator
{
    // The formats Discord's OpenAPI file uses on request fields. date-time is RFC 3339 (ISO 8601 with an offset).
    private static void CheckFormat(JsonElement schema, JsonElement value, string[] at, List<ContractError> errors)
    {
        if (!schema.TryGetProperty("format", out var format))
        {
            return;
        }

        var problem = (format.GetString(), value.ValueKind) switch
        {
            ("int32", JsonValueKind.Number) when !value.TryGetInt32(out _) => ("NUMBER_TYPE_COERCE", $"{value.GetRawText()} is not an int32"),
            ("int64", JsonValueKind.Number) when !value.TryGetInt64(out _) => ("NUMBER_TYPE_COERCE", $"{value.GetRawText()} is not an int64"),
            ("snowflake", JsonValueKind.String) when value.GetString()!.All(char.IsAsciiDigit) && !ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
                ("NUMBER_TYPE_COERCE", $"Value \"{Shorten(value.GetString()!)}\" is not snowflake."),
            ("uri", JsonValueKind.String) when !IsUrl(value.GetString()!) => ("URL_TYPE_INVALID_URL", $"\"{Shorten(value.GetString()!)}\" is not a well formed URL."),
            ("date-time", JsonValueKind.String) when !IsDateTime(value.GetString()!) =>
                ("DATE_TIME_TYPE_PARSE", $"\"{Shorten(value.GetString()!)}\" is not an ISO 8601 date-time with an offset"),
            _ => default,
        };
        if (problem.Item1 is not null)
        {
            errors.Add(new ContractError(at, problem.Item1, problem.Item2));
        }
    }

    // RFC 3339: date, 'T', time, then Z or an explicit offset (a local time without one is refused).
    private static bool IsDateTime(string text) =>
        DateTimeFormat().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeFormat();

    // Absolute, with a scheme Discord follows: http(s), or attachment:// naming a file of the same request. Discord's
    // exact URL rules are unknown; anything else is refused (strict side).
    private static bool IsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "attachment" && !string.IsNullOrEmpty(uri.Host);

    private static string TypeCode(JsonElement type)
    {
        var first = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") : type.GetString();
        return first switch
        {
            "object" => "MODEL_TYPE_CONVERT",
            "array" => "LIST_TYPE_CONVERT",
            "integer" or "number" => "NUMBER_TYPE_COERCE",
            "boolean" => "BOOLEAN_TYPE_COERCE",
            _ => "STRING_TYPE_CONVERT",
        };
    }

    private static string TypeName(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString())) : type.GetString()!;

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => KindMatches(t.GetString()!, value))
        : KindMatches(type.GetString()!, value);

    private static bool KindMatches(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.GetDecimal() % 1 == 0,
        _ => true,
    };

    private static bool SameValue(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number ? a.GetDecimal() == b.GetDecimal() : JsonElement.DeepEquals(a, b);

    /// <summary>The property names a schema declares, through <c>$ref</c> and nested <c>allOf</c> (for closed objects).</summary>
    private IEnumerable<string> DeclaredNames(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            foreach (var name in DeclaredNames(Resolve(reference.GetString()!)))
            {
                yield return name;
            }
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                yield return property.Name;
            }
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var name in allOf.EnumerateArray().SelectMany(DeclaredNames))
            {
                yield return name;
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        var node = document;
        foreach (var segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EditBot.TestSupport.Discord.Contract;

/// <summary>
/// Validates JSON against the JSON Schema 2020-12 subset Discord's OpenAPI 3.1 document uses: <c>$ref</c> to
/// <c>#/components/schemas/…</c>, <c>type</c> (string or array), <c>const</c>, <c>enum</c>, <c>allOf</c>/<c>anyOf</c>/
/// <c>oneOf</c>, object (<c>properties</c>, <c>required</c>, <c>additionalProperties</c>, min/max properties), array
/// (<c>items</c>, min/max items, <c>uniqueItems</c>), string (min/max length, <c>pattern</c>) and number (min/max).
/// Written by hand because the document is 3.1 (type arrays, 2020-12) and only this subset is needed.
/// </summary>
public sealed class JsonSchemaValidator(JsonElement document)
{
    // Where Discord's documentation (which wins over the OpenAPI file, see discord-essentials.md) says a field is
    // sent as a string, though the file types it as an integer: permission bitsets.
    private static readonly HashSet<string> IntegerFieldsSentAsStrings = new(StringComparer.Ordinal) { "default_member_permissions" };

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Validate(JsonElement schema, JsonElement value, string at = "$")
    {
        var errors = new List<string>();
        Check(schema, value, at, errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{at}: not allowed here");
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, at, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add($"{at}: expected {type.GetRawText()}, got {Describe(value)}");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{at}: expected {constant.GetRawText()}, got {Describe(value)}");
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => SameValue(a, value)))
        {
            errors.Add($"{at}: {Describe(value)} is not one of {allowed.GetRawText()}");
        }

        CheckCombinators(schema, value, at, errors);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, value, at, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, at, errors);
                break;
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, at, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, value.GetDecimal(), at, errors);
                break;
        }
    }

    private void CheckCombinators(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(part, value, at, errors);
            }
        }

        foreach (var keyword in (string[])["anyOf", "oneOf"])
        {
            if (!schema.TryGetProperty(keyword, out var alternatives))
            {
                continue;
            }

            var outcomes = alternatives.EnumerateArray().Select(a => Validate(a, value, at)).ToList();
            var matches = outcomes.Count(o => o.Count == 0);
            if (matches == 0)
            {
                var closest = outcomes.OrderBy(o => o.Count).First();
                errors.Add($"{at}: matches none of the {outcomes.Count} {keyword} alternatives; closest: {string.Join("; ", closest.Take(3))}");
            }
            else if (keyword == "oneOf" && matches > 1)
            {
                errors.Add($"{at}: matches {matches} oneOf alternatives, expected exactly one");
            }
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            count++;
            var path = $"{at}.{property.Name}";
            if (IntegerFieldsSentAsStrings.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String
                && ulong.TryParse(property.Value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, path, errors);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                Check(additional, property.Value, path, errors);
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                errors.Add($"{at}: missing required property '{name}'");
            }
        }

        Bound(schema, "minProperties", "maxProperties", count, at, "properties", errors);
    }

    private void CheckArray(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        var length = value.GetArrayLength();
        Bound(schema, "minItems", "maxItems", length, at, "items", errors);
        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{at}[{index++}]", errors);
            }
        }

        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            var all = value.EnumerateArray().ToList();
            if (all.Where((item, i) => all.Skip(i + 1).Any(other => JsonElement.DeepEquals(item, other))).Any())
            {
                errors.Add($"{at}: items must be unique");
            }
        }
    }

    private static void CheckString(JsonElement schema, string text, string at, List<string> errors)
    {
        var length = text.EnumerateRunes().Count();
        Bound(schema, "minLength", "maxLength", length, at, "characters", errors);
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            var regex = Patterns.GetOrAdd(pattern.GetString()!, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            if (!regex.IsMatch(text))
            {
                errors.Add($"{at}: \"{Shorten(text)}\" does not match {pattern.GetString()}");
            }
        }
    }

    private static void CheckNumber(JsonElement schema, decimal number, string at, List<string> errors)
    {
        if (schema.TryGetProperty("minimum", out var min) && number < min.GetDecimal())
        {
            errors.Add($"{at}: {number} is below the minimum {min.GetRawText()}");
        }

        if (schema.TryGetProperty("maximum", out var max) && number > max.GetDecimal())
        {
            errors.Add($"{at}: {number} is above the maximum {max.GetRawText()}");
        }
    }

    private static void Bound(JsonElement schema, string minKeyword, string maxKeyword, int count, string at, string what, List<string> errors)
    {
        if (schema.TryGetProperty(minKeyword, out var min) && count < min.GetInt32())
        {
            errors.Add($"{at}: {count} {what}, at least {min.GetInt32()} required");
        }

        if (schema.TryGetProperty(maxKeyword, out var max) && count > max.GetInt32())
        {
            errors.Add($"{at}: {count} {what}, at most {max.GetInt32()} allowed");
        }
    }

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

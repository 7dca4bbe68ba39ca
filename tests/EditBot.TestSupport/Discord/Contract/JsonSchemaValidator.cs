using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EditBot.TestSupport.Discord.Contract;

/// <summary>
/// Validates JSON against the JSON Schema 2020-12 subset Discord's OpenAPI 3.1 document uses: <c>$ref</c> to
/// <c>#/components/schemas/…</c>, <c>type</c> (string or array), <c>const</c>, <c>enum</c>, <c>allOf</c>/<c>anyOf</c>/
/// <c>oneOf</c>, object (<c>properties</c>, <c>required</c>, <c>additionalProperties</c>, min/max properties), array
/// (<c>items</c>, min/max items, <c>uniqueItems</c>), string (min/max length, <c>pattern</c>), number (min/max) and
/// <c>format</c>. Objects that list <c>properties</c> are closed unless the schema says <c>additionalProperties</c>:
/// the strict side, since a misspelt field Discord silently drops is a bug of ours. Each error carries Discord's code.
/// Written by hand because the document is 3.1 (type arrays, 2020-12) and only this subset is needed.
/// </summary>
public sealed partial class JsonSchemaValidator(JsonElement document)
{
    // Where Discord's documentation (which wins over the OpenAPI file, see discord-essentials.md) says a field is
    // sent as a string, though the file types it as an integer: permission bitsets.
    private static readonly HashSet<string> IntegerFieldsSentAsStrings = new(StringComparer.Ordinal) { "default_member_permissions" };

    private static readonly IReadOnlySet<string> NoNames = new HashSet<string>(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>The violations as <c>$.path: message</c> lines; empty when the value conforms.</summary>
    public IReadOnlyList<string> Validate(JsonElement schema, JsonElement value) => [.. Errors(schema, value).Select(e => e.ToString())];

    /// <summary>The violations with their paths and Discord error codes; empty when the value conforms.</summary>
    public IReadOnlyList<ContractError> Errors(JsonElement schema, JsonElement value)
    {
        var errors = new List<ContractError>();
        Check(schema, value, [], NoNames, errors);
        return Distinct(errors);
    }

    // The parts of an allOf each close the object, so each reports the same unknown field: report it once.
    private static List<ContractError> Distinct(List<ContractError> errors) => [.. errors.DistinctBy(e => (e.At, e.Code, e.Message))];

    // known: property names declared by allOf siblings of this schema, which a closed object must also accept.
    private void Check(JsonElement schema, JsonElement value, string[] at, IReadOnlySet<string> known, List<ContractError> errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add(new ContractError(at, "UNKNOWN_FIELD", "This field is not allowed here."));
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, at, known, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add(new ContractError(at, TypeCode(type), $"expected {TypeName(type)}, got {Describe(value)}") { IsTypeMismatch = true });
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add(new ContractError(at, "BASE_TYPE_CHOICES", $"expected {constant.GetRawText()}, got {Describe(value)}"));
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => SameValue(a, value)))
        {
            errors.Add(new ContractError(at, "BASE_TYPE_CHOICES", $"{Describe(value)} is not one of {allowed.GetRawText()}"));
        }

        CheckCombinators(schema, value, at, known, errors);
        CheckFormat(schema, value, at, errors);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, value, at, known, errors);
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

    private void CheckCombinators(JsonElement schema, JsonElement value, string[] at, IReadOnlySet<string> known, List<ContractError> errors)
    {
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            var siblings = new HashSet<string>(known, StringComparer.Ordinal);
            siblings.UnionWith(allOf.EnumerateArray().SelectMany(DeclaredNames));
            foreach (var part in allOf.EnumerateArray())
            {
                Check(part, value, at, siblings, errors);
            }
        }

        foreach (var keyword in (string[])["anyOf", "oneOf"])
        {
            if (!schema.TryGetProperty(keyword, out var alternatives))
            {
                continue;
            }

            var outcomes = alternatives.EnumerateArray().Select(a => Alternative(a, value, at, known)).ToList();
            var matches = outcomes.Count(o => o.Count == 0);
            if (matches == 0)
            {
                // The alternative the value was meant to be: one whose type fits, with the fewest errors.
                errors.AddRange(outcomes.OrderBy(o => o.Any(e => e.IsTypeMismatch && e.Path.Count == at.Length) ? 1 : 0).ThenBy(o => o.Count).First());
            }
            else if (keyword == "oneOf" && matches > 1)
            {
                errors.Add(new ContractError(at, "BASE_TYPE_CHOICES", $"matches {matches} oneOf alternatives, expected exactly one"));
            }
        }
    }

    private List<ContractError> Alternative(JsonElement schema, JsonElement value, string[] at, IReadOnlySet<string> known)
    {
        var errors = new List<ContractError>();
        Check(schema, value, at, known, errors);
        return Distinct(errors);
    }

    private void CheckObject(JsonElement schema, JsonElement value, string[] at, IReadOnlySet<string> known, List<ContractError> errors)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            count++;
            string[] path = [.. at, property.Name];
            if (IntegerFieldsSentAsStrings.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String
                && ulong.TryParse(property.Value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, path, NoNames, errors);
            }
            else if (hasAdditional)
            {
                Check(additional, property.Value, path, NoNames, errors);
            }
            else if (properties.ValueKind == JsonValueKind.Object && !known.Contains(property.Name))
            {
                // Discord mostly ignores unknown fields; we refuse them (strict side): a misspelt field is lost silently.
                errors.Add(new ContractError(path, "UNKNOWN_FIELD", $"unknown field '{property.Name}' (not in the schema)"));
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                errors.Add(new ContractError([.. at, name], "BASE_TYPE_REQUIRED", $"missing required property '{name}'"));
            }
        }

        Bound(schema, "minProperties", "maxProperties", count, at, "properties", "BASE_TYPE_BAD_LENGTH", errors);
    }

    private void CheckArray(JsonElement schema, JsonElement value, string[] at, List<ContractError> errors)
    {
        var length = value.GetArrayLength();
        Bound(schema, "minItems", "maxItems", length, at, "items", "BASE_TYPE_BAD_LENGTH", errors);
        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, [.. at, $"[{index++}]"], NoNames, errors);
            }
        }

        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            var all = value.EnumerateArray().ToList();
            if (all.Where((item, i) => all.Skip(i + 1).Any(other => JsonElement.DeepEquals(item, other))).Any())
            {
                errors.Add(new ContractError(at, "LIST_ITEM_VALUE_DUPLICATE", "items must be unique"));
            }
        }
    }

    private static void CheckString(JsonElement schema, string text, string[] at, List<ContractError> errors)
    {
        var length = text.EnumerateRunes().Count();
        Bound(schema, "minLength", "maxLength", length, at, "characters", null, errors);
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            var regex = Patterns.GetOrAdd(pattern.GetString()!, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            if (!regex.IsMatch(text))
            {
                errors.Add(new ContractError(at, "STRING_TYPE_REGEX", $"\"{Shorten(text)}\" does not match {pattern.GetString()}"));
            }
        }
    }

    private static void CheckNumber(JsonElement schema, decimal number, string[] at, List<ContractError> errors)
    {
        if (schema.TryGetProperty("minimum", out var min) && number < min.GetDecimal())
        {
            errors.Add(new ContractError(at, "NUMBER_TYPE_MIN", $"{number} is below the minimum {min.GetRawText()}"));
        }

        if (schema.TryGetProperty("maximum", out var max) && number > max.GetDecimal())
        {
            errors.Add(new ContractError(at, "NUMBER_TYPE_MAX", $"{number} is above the maximum {max.GetRawText()}"));
        }
    }

    // code null: Discord's string codes, BASE_TYPE_MIN_LENGTH / BASE_TYPE_MAX_LENGTH.
    private static void Bound(JsonElement schema, string minKeyword, string maxKeyword, int count, string[] at, string what, string? code, List<ContractError> errors)
    {
        if (schema.TryGetProperty(minKeyword, out var min) && count < min.GetInt32())
        {
            errors.Add(new ContractError(at, code ?? "BASE_TYPE_MIN_LENGTH", $"{count} {what}, at least {min.GetInt32()} required"));
        }

        if (schema.TryGetProperty(maxKeyword, out var max) && count > max.GetInt32())
        {
            errors.Add(new ContractError(at, code ?? "BASE_TYPE_MAX_LENGTH", $"{count} {what}, at most {max.GetInt32()} allowed"));
        }
    }
}

using System.Reflection;
using System.Text.Json;
using EditBot.TestSupport.Discord.Contract;

namespace EditBot.TestSupport.Gmi.Contract;

/// <summary>
/// The submit body of gpt-image-2-edit as a strict JSON Schema (gmi-submit.schema.json beside this file, a copy of
/// shared/reference/gmi-submit.schema.json): the fake GMI validates every POST /requests against it.
/// </summary>
public static class GmiSubmitContract
{
    public const string FileName = "gmi-submit.schema.json";

    private static readonly Lazy<JsonDocument> Schema = new(Load);
    private static readonly Lazy<JsonSchemaValidator> Validator = new(() => new JsonSchemaValidator(Schema.Value.RootElement));

    /// <summary>The schema text as embedded in this assembly.</summary>
    public static string SchemaText => Schema.Value.RootElement.GetRawText();

    /// <summary>Violations of <paramref name="body"/> against the schema; empty when it conforms.</summary>
    public static IReadOnlyList<string> Validate(JsonElement body) => Validator.Value.Validate(Schema.Value.RootElement, body);

    private static JsonDocument Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(FileName, StringComparison.Ordinal));
        using var resource = assembly.GetManifestResourceStream(name)!;
        return JsonDocument.Parse(resource);
    }
}

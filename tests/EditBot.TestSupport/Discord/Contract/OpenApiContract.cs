using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EditBot.TestSupport.Discord.Contract;

/// <summary>
/// Discord's own OpenAPI description (discord-openapi.json beside this file): finds the operation of a request
/// path and validates request bodies against its schema.
/// </summary>
public sealed class OpenApiContract
{
    private const string FileName = "discord-openapi.json";
    private static readonly Lazy<OpenApiContract> Shared = new(() => new OpenApiContract(LoadSpec()));

    private readonly JsonDocument _document;
    private readonly List<(string[] Segments, string Template)> _paths;
    private readonly JsonSchemaValidator _validator;

    private OpenApiContract(JsonDocument document)
    {
        _document = document;
        _validator = new JsonSchemaValidator(document.RootElement);
        _paths = [.. document.RootElement.GetProperty("paths").EnumerateObject().Select(p => (p.Name.Split('/', StringSplitOptions.RemoveEmptyEntries), p.Name))];
    }

    /// <summary>The parsed specification, loaded once per process.</summary>
    public static OpenApiContract Discord => Shared.Value;

    /// <summary>The spec's path template for a concrete path (without the /api/v10 prefix), preferring literal segments.</summary>
    public string? MatchTemplate(string path)
    {
        var segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return _paths
            .Where(p => p.Segments.Length == segments.Length
                && p.Segments.Zip(segments).All(s => IsParameter(s.First) || string.Equals(s.First, s.Second, StringComparison.Ordinal)))
            .OrderByDescending(p => p.Segments.Count(s => !IsParameter(s)))
            .Select(p => p.Template)
            .FirstOrDefault();
    }

    /// <summary>The request body schema of an operation, or null when the operation takes no body.</summary>
    public JsonElement? RequestSchema(string template, string method, string mediaType)
    {
        if (!_document.RootElement.GetProperty("paths").GetProperty(template).TryGetProperty(method.ToLowerInvariant(), out var operation)
            || !operation.TryGetProperty("requestBody", out var body))
        {
            return null;
        }

        var content = body.GetProperty("content");
        return content.TryGetProperty(mediaType, out var media) || content.TryGetProperty("application/json", out media)
            ? media.GetProperty("schema")
            : null;
    }

    /// <summary>Violations of the body against the spec, each prefixed with the operation.</summary>
    public IReadOnlyList<string> ValidateRequest(string method, string path, string mediaType, JsonElement body)
    {
        var template = MatchTemplate(path) ?? path;
        return [.. RequestErrors(method, path, mediaType, body).Select(e => $"{method} {template}: {e}")];
    }

    /// <summary>Violations of the body against the spec with paths and Discord's codes (route problems at the root).</summary>
    public IReadOnlyList<ContractError> RequestErrors(string method, string path, string mediaType, JsonElement body)
    {
        if (MatchTemplate(path) is not { } template)
        {
            return [new ContractError([], "UNKNOWN_ROUTE", "no such route in Discord's API description")];
        }

        return RequestSchema(template, method, mediaType) is { } schema
            ? _validator.Errors(schema, body)
            : [new ContractError([], "BODY_NOT_ALLOWED", "the operation takes no request body, but one was sent")];
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{');

    // The file sits beside this source file. Read from an embedded resource when the project embeds it, else next to
    // the source path recorded at compile time, else by walking up from the working and base directories.
    private static JsonDocument LoadSpec([CallerFilePath] string sourcePath = "")
    {
        var assembly = Assembly.GetExecutingAssembly();
        if (assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(FileName, StringComparison.Ordinal)) is { } embedded)
        {
            using var resource = assembly.GetManifestResourceStream(embedded)!;
            return JsonDocument.Parse(resource);
        }

        var candidates = new List<string> { Path.Combine(Path.GetDirectoryName(sourcePath) ?? "", FileName) };
        if (Environment.GetEnvironmentVariable("EDITBOT_DISCORD_OPENAPI") is { Length: > 0 } configured)
        {
            candidates.Insert(0, configured);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                candidates.Add(Path.Combine(dir.FullName, "tests", "EditBot.TestSupport", "Discord", "Contract", FileName));
            }
        }

        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{FileName} not found; set EDITBOT_DISCORD_OPENAPI to its path. Looked in: {string.Join(", ", candidates)}");
        return JsonDocument.Parse(File.ReadAllBytes(found));
    }
}

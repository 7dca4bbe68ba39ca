using System.Collections.Frozen;
using System.Net;
using System.Text;
using System.Text.Json;

namespace EditBot.MaskEditor;

/// <summary>
/// The editor's page, script, style sheet and message page, embedded in the assembly (no CDN, no framework, no files
/// to deploy beside the binary). The page template gets its settings as one HTML-encoded JSON attribute.
/// </summary>
public sealed class MaskEditorAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["editor.js"] = "text/javascript; charset=utf-8",
        ["editor.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, byte[]> _static;
    private readonly string _page;
    private readonly string _message;

    public MaskEditorAssets()
    {
        _static = ContentTypes.Keys.ToFrozenDictionary(name => name, Read, StringComparer.Ordinal);
        _page = Encoding.UTF8.GetString(Read("editor.html"));
        _message = Encoding.UTF8.GetString(Read("message.html"));
    }

    /// <summary>A static asset by file name, or null for any other name.</summary>
    public (byte[] Content, string ContentType)? Static(string name) =>
        _static.TryGetValue(name, out var content) ? (content, ContentTypes[name]) : null;

    public string Page(object config) =>
        _page.Replace("{{config}}", WebUtility.HtmlEncode(JsonSerializer.Serialize(config, MaskEditorJson.Options)), StringComparison.Ordinal);

    public string Message(string heading, string message) =>
        _message
            .Replace("{{heading}}", WebUtility.HtmlEncode(heading), StringComparison.Ordinal)
            .Replace("{{message}}", WebUtility.HtmlEncode(message), StringComparison.Ordinal);

    private static byte[] Read(string name)
    {
        using var stream = typeof(MaskEditorAssets).Assembly.GetManifestResourceStream("EditBot.MaskEditor.Assets." + name)
            ?? throw new InvalidOperationException($"The mask editor's {name} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

internal static class MaskEditorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

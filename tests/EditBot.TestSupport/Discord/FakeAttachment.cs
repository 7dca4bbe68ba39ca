using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>A file the fake holds: uploaded with a message or seeded by a test; served at <see cref="Url"/>.</summary>
public sealed record FakeAttachment(ulong Id, string Filename, string ContentType, byte[] Bytes, int? Width, int? Height, Uri Url)
{
    public string? Description { get; init; }

    public long Size => Bytes.LongLength;

    /// <summary>The attachment object as Discord sends it (for messages and <c>resolved.attachments</c>).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id.ToString(),
            ["filename"] = Filename,
            ["size"] = Size,
            ["url"] = Url.AbsoluteUri,
            ["proxy_url"] = Url.AbsoluteUri,
            ["content_type"] = ContentType,
        };
        if (Width is { } width && Height is { } height)
        {
            json["width"] = width;
            json["height"] = height;
        }

        if (Description is not null)
        {
            json["description"] = Description;
        }

        return json;
    }
}

using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Inject;

/// <summary>An attachment as Discord describes it; <see cref="Url"/> points wherever the test serves the file.</summary>
public sealed record AttachmentSpec(
    string Url,
    string Filename = "image.png",
    string? ContentType = "image/png",
    long Size = 123_456,
    int? Width = 1024,
    int? Height = 1024)
{
    public string Id { get; init; } = TestSnowflakes.Next();

    /// <summary>Modal uploads are ephemeral attachments.</summary>
    public bool Ephemeral { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["filename"] = Filename,
            ["size"] = Size,
            ["url"] = Url,
            ["proxy_url"] = Url,
        };
        if (ContentType is not null)
        {
            json["content_type"] = ContentType;
        }

        if (Width is { } width && Height is { } height)
        {
            json["width"] = width;
            json["height"] = height;
        }

        if (Ephemeral)
        {
            json["ephemeral"] = true;
        }

        return json;
    }
}

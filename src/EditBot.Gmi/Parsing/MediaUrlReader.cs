using System.Text.Json;

namespace EditBot.Gmi.Parsing;

/// <summary>
/// Result URLs from a success outcome: media_urls[{id,url}] is documented; image_url, image_urls, medias[] and
/// images[] have been seen. The thumbnail is not a result and is ignored.
/// </summary>
internal static class MediaUrlReader
{
    private static readonly string[] ListKeys = ["media_urls", "image_urls", "medias", "images"];
    private static readonly string[] UrlKeys = ["url", "media_url", "image_url", "uri"];

    public static IReadOnlyList<string> Read(JsonElement? outcome)
    {
        if (outcome is not { ValueKind: JsonValueKind.Object } o)
        {
            return [];
        }

        var urls = new List<string>();
        foreach (var key in ListKeys)
        {
            if (o.TryGetProperty(key, out var list))
            {
                AddAll(list, urls);
            }
        }

        if (o.TryGetProperty("image_url", out var single))
        {
            AddAll(single, urls);
        }

        return urls.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddAll(JsonElement value, List<string> urls)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    AddOne(item, urls);
                }

                break;
            default:
                AddOne(value, urls);
                break;
        }
    }

    private static void AddOne(JsonElement item, List<string> urls)
    {
        if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
        {
            urls.Add(text);
            return;
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var key in UrlKeys)
        {
            if (item.TryGetProperty(key, out var url) && url.ValueKind == JsonValueKind.String && url.GetString() is { Length: > 0 } found)
            {
                urls.Add(found);
                return;
            }
        }
    }
}

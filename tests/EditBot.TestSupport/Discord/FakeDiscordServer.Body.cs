using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace EditBot.TestSupport.Discord;

/// <summary>
/// Reads a request body once, keeping the raw bytes and every multipart part as sent (tests assert on what crossed
/// the wire), then takes the JSON (the body, or the payload_json part) and the file parts from them.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private static async Task<(string? Text, JsonNode? Json, List<FakeUploadedFile> Files, FakeWireBody Wire)> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var parts = IsMultipart(request, out var boundary) ? await ReadPartsAsync(bytes, boundary) : [];
        var files = parts.Where(p => p.FileName is not null)
            .Select(p => new FakeUploadedFile(p.Name, p.FileName!, p.ContentType ?? "application/octet-stream", p.Bytes)).ToList();
        var text = parts.Count > 0 || IsMultipart(request, out _)
            ? parts.Where(p => p.Name == "payload_json" && p.FileName is null).Select(p => Encoding.UTF8.GetString(p.Bytes)).FirstOrDefault()
            : Encoding.UTF8.GetString(bytes);
        JsonNode? json = null;
        if (!string.IsNullOrEmpty(text))
        {
            try
            {
                json = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // answered as 400 50109 and recorded as a violation
            }
        }

        return (string.IsNullOrEmpty(text) ? null : text, json, files, new FakeWireBody(bytes, parts));
    }

    private static bool IsMultipart(HttpRequest request, out string boundary)
    {
        boundary = "";
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value ?? "";
        return boundary.Length > 0;
    }

    private static async Task<List<FakeMultipartPart>> ReadPartsAsync(byte[] body, string boundary)
    {
        var parts = new List<FakeMultipartPart>();
        var reader = new MultipartReader(boundary, new MemoryStream(body)) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content);
            var headers = section.Headers?.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var disposition = section.GetContentDispositionHeader();
            var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value ?? "";
            var fileName = disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar.Value
                : disposition?.FileName.HasValue == true ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null;
            parts.Add(new FakeMultipartPart(name, fileName, headers, content.ToArray()));
        }

        return parts;
    }
}

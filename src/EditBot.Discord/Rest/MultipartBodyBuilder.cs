using System.Net.Http.Headers;

namespace EditBot.Discord.Rest;

/// <summary>Builds Discord's multipart body: a <c>payload_json</c> part, then one <c>files[n]</c> part per file.</summary>
internal static class MultipartBodyBuilder
{
    public static MultipartFormDataContent Build(ReadOnlyMemory<byte> payloadJson, IReadOnlyList<DiscordFile> files)
    {
        var content = new MultipartFormDataContent();
        var payload = new ReadOnlyMemoryContent(payloadJson);
        payload.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(payload, "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ReadOnlyMemoryContent(files[i].Content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(files[i].ContentType);
            content.Add(part, $"files[{i}]", files[i].FileName);
        }

        return content;
    }
}

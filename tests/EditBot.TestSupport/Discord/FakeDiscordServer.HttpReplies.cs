using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EditBot.TestSupport.Discord.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace EditBot.TestSupport.Discord;

/// <summary>Interactions answered in the HTTP response of the interactions endpoint (the Http transport).</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>
    /// Feeds the body the bot wrote into the interactions endpoint's HTTP response (JSON or multipart), as Discord
    /// would take it: contract-checked like a REST callback, then applied, so follow-ups and @original work after it.
    /// </summary>
    public async Task<FakeResult> AcceptHttpInteractionReplyAsync(ulong interactionId, string token, ReadOnlyMemory<byte> body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var files = new List<FakeUploadedFile>();
        string? text = null;
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
            var reader = new MultipartReader(boundary, new MemoryStream(body.ToArray()));
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer);
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (name == "payload_json")
                {
                    text = Encoding.UTF8.GetString(buffer.ToArray());
                }
                else
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    files.Add(new FakeUploadedFile(name, fileName, section.ContentType ?? "application/octet-stream", buffer.ToArray()));
                }
            }
        }
        else
        {
            text = Encoding.UTF8.GetString(body.Span);
        }

        var json = JsonNode.Parse(text ?? "{}");
        var route = _routes.Single(r => r.Template.EndsWith("/callback", StringComparison.Ordinal));
        RecordHttpReplyViolations(route, json, files, contentType);
        var parameters = new Dictionary<string, string> { ["interaction_id"] = interactionId.ToString(), ["interaction_token"] = token };
        lock (_sync)
        {
            return route.Handler(new FakeCall(new DefaultHttpContext(), parameters, json as JsonObject, json, files));
        }
    }

    private void RecordHttpReplyViolations(FakeRoute route, JsonNode? json, List<FakeUploadedFile> files, string contentType)
    {
        var found = new List<string>();
        if (json is not null)
        {
            var mediaType = contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ? "multipart/form-data" : "application/json";
            using var document = JsonDocument.Parse(json.ToJsonString());
            found.AddRange(OpenApiContract.Discord.ValidateRequest("POST", "/interactions/1/token/callback", mediaType, document.RootElement)
                .Select(v => "HTTP reply: " + v));
            found.AddRange(CheckMessageRules(route, json as JsonObject, files).Select(v => "HTTP reply: " + v));
        }

        lock (_sync)
        {
            _violations.AddRange(found);
        }
    }
}

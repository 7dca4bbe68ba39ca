using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

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
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.ContentType = contentType;
        request.Body = new MemoryStream(body.ToArray());
        var (text, parsed, files) = await ReadBodyAsync(request);
        var json = parsed ?? JsonNode.Parse(text ?? "{}")!;
        var route = _routes.Single(r => r.Template.EndsWith("/callback", StringComparison.Ordinal));
        var found = BodyViolations(request, route, "/interactions/1/token/callback", json, files).Select(v => "HTTP reply: " + v);
        var parameters = new Dictionary<string, string> { ["interaction_id"] = interactionId.ToString(), ["interaction_token"] = token };
        lock (_sync)
        {
            _violations.AddRange(found);
            return route.Handler(new FakeCall(request.HttpContext, parameters, json as JsonObject, json, files));
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.AspNetCore.Http;

namespace EditBot.TestSupport.Discord;

/// <summary>Interactions answered in the HTTP response of the interactions endpoint (the Http transport).</summary>
public sealed partial class FakeDiscordServer
{
    // Marks a callback that came as the endpoint's HTTP reply rather than over the callback route.
    private const string HttpReplyMarker = "http_reply";

    /// <summary>
    /// Plays Discord delivering an interaction over HTTP: registers it (sent now, in its channel), POSTs it signed to
    /// the bot's <paramref name="endpoint"/> and takes whatever 200 body the endpoint answers with as the interaction's
    /// first answer, exactly as Discord does, so a later callback for it is refused with 40060.
    /// </summary>
    public async Task<HttpResponseMessage> SendSignedInteractionAsync(
        SignedInteractionSender sender, Uri endpoint, JsonObject interaction, ulong? sourceMessageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(interaction);
        var id = ulong.Parse(interaction["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var token = interaction["token"]!.GetValue<string>();
        RegisterInteraction(interaction, sourceMessageId);
        var response = await sender.SendAsync(endpoint, interaction, cancellationToken: cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var contentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            await AcceptHttpInteractionReplyAsync(id, token, body, contentType);
        }

        return response;
    }

    /// <summary>
    /// Feeds the body the bot wrote into the interactions endpoint's HTTP response (JSON or multipart), as Discord
    /// would take it: contract-checked like a REST callback (a body that breaks it is refused with 400 50035, the interaction unanswered), then applied as the first answer (or refused, like a
    /// second callback), so follow-ups and @original work after it.
    /// </summary>
    public async Task<FakeResult> AcceptHttpInteractionReplyAsync(ulong interactionId, string token, ReadOnlyMemory<byte> body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.ContentType = contentType;
        request.Body = new MemoryStream(body.ToArray());
        var (text, parsed, files, _) = await ReadBodyAsync(request);
        var json = parsed ?? JsonNode.Parse(text ?? "{}")!;
        var route = _routes.Single(r => r.Template.EndsWith("/callback", StringComparison.Ordinal));
        var found = new List<string>();
        var refusal = CheckBody(request, route, "/interactions/1/token/callback", json, files, found);
        var parameters = new Dictionary<string, string>
        {
            ["interaction_id"] = interactionId.ToString(CultureInfo.InvariantCulture),
            ["interaction_token"] = token,
            [HttpReplyMarker] = "true",
        };
        lock (_sync)
        {
            _violations.AddRange(found.Select(v => "HTTP reply: " + v));
            return refusal ?? route.Handler(new FakeCall(request.HttpContext, parameters, json as JsonObject, json, files));
        }
    }
}

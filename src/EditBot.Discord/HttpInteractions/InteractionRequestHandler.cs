using EditBot.Discord.Events;
using EditBot.Discord.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.HttpInteractions;

/// <summary>
/// Handles one POST to the interactions endpoint: verify the signature, answer PING, hand everything else to the
/// handler pipeline as INTERACTION_CREATE and write its first answer as the HTTP response. A handler slower than
/// <see cref="HttpInteractionsOptions.ReplyTimeout"/> gets a deferred answer instead, which keeps the interaction
/// token alive for 15 minutes; the handler then continues over REST.
/// </summary>
public sealed class InteractionRequestHandler(
    InteractionSignatureVerifier verifier,
    DiscordEventChannel events,
    IOptions<HttpInteractionsOptions> options,
    TimeProvider time,
    ILogger<InteractionRequestHandler> logger)
{
    private const string JsonContentType = "application/json";

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var body = await InteractionBodyReader.ReadAsync(request, options.Value.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (!verifier.Verify(request.Headers["X-Signature-Ed25519"], request.Headers["X-Signature-Timestamp"], body))
        {
            logger.LogWarning("Interaction request refused: missing, invalid or stale signature");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("invalid request signature", context.RequestAborted);
            return;
        }

        var type = InteractionTypeReader.Read(body);
        if (type is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (type == InteractionType.Ping)
        {
            await WriteAsync(context, "{\"type\":1}"u8.ToArray(), JsonContentType);
            return;
        }

        await RouteAsync(context, body, type.Value);
    }

    private async Task RouteAsync(HttpContext context, byte[] body, int type)
    {
        var reply = new HttpInteractionReply();
        using var deadline = new CancellationTokenSource(options.Value.ReplyTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, context.RequestAborted);
        try
        {
            await events.Writer.WriteAsync(new DiscordEvent(DiscordEventNames.InteractionCreate, body, 0, reply), linked.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Nobody will ever see this interaction: deferring would leave the user staring at "thinking...".
            logger.LogWarning("Interaction refused: the event queue stayed full for {Timeout}", options.Value.ReplyTimeout);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        try
        {
            var (replyBody, contentType) = await reply.Response.WaitAsync(linked.Token);
            await WriteAsync(context, replyBody, contentType);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            var deferral = DeferralTypeFor(type);
            if (reply.TryDefer(deferral))
            {
                // From here the handler's first answer is turned into an edit or follow-up (InteractionResponder).
                logger.LogInformation("Interaction handler slower than {Timeout}: answered with deferral type {Type}", options.Value.ReplyTimeout, deferral);
                await WriteAsync(context, DeferralBody(deferral), JsonContentType);
                return;
            }

            // The handler answered in the same instant the wait gave up: its answer wins.
            var (replyBody, contentType) = await reply.Response;
            await WriteAsync(context, replyBody, contentType);
        }
    }

    /// <summary>
    /// Commands and modal submits get DEFERRED_CHANNEL_MESSAGE (5). A button click gets DEFERRED_UPDATE_MESSAGE (6),
    /// which posts nothing visible; autocomplete cannot be deferred, so it gets an empty choice list.
    /// </summary>
    internal static int DeferralTypeFor(int interactionType) => interactionType switch
    {
        InteractionType.MessageComponent => InteractionCallbackType.DeferredUpdateMessage,
        InteractionType.Autocomplete => InteractionCallbackType.AutocompleteResult,
        _ => InteractionCallbackType.DeferredChannelMessage,
    };

    private static byte[] DeferralBody(int callbackType) => callbackType switch
    {
        InteractionCallbackType.DeferredUpdateMessage => "{\"type\":6}"u8.ToArray(),
        InteractionCallbackType.AutocompleteResult => "{\"type\":8,\"data\":{\"choices\":[]}}"u8.ToArray(),
        _ => "{\"type\":5}"u8.ToArray(),
    };

    private static async Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> body, string contentType)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}

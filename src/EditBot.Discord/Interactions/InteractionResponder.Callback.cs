using System.Net.Http.Headers;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Interactions;

/// <summary>The first response: into the HTTP reply when there is one, else over REST.</summary>
public sealed partial class InteractionResponder
{
    private async Task<InteractionCallbackResult?> CallbackAsync(
        InteractionResponse response, IReadOnlyList<DiscordFile>? files, bool withResponse, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _responded, 1) == 1)
        {
            throw new InvalidOperationException(
                "This interaction was already answered; edit the original response or send a follow-up instead.");
        }

        // Once Discord has an acknowledgement (ours in the HTTP reply, or the endpoint's deferral), a failure later in
        // this call must not make the interaction look unanswered: a second first answer would only draw 40060.
        var acknowledged = false;
        try
        {
            if (_httpReply is { } reply)
            {
                if (!reply.IsCompleted)
                {
                    var (body, contentType) = await SerializeForHttpReplyAsync(response, files, cancellationToken);
                    if (reply.TryComplete(body, contentType))
                    {
                        acknowledged = true;
                        _logger.LogDebug("Answered interaction {InteractionId} with callback type {Type} in the HTTP reply", InteractionId, response.Type);
                        return withResponse && response.Type == InteractionCallbackType.ChannelMessage
                            ? new InteractionCallbackResult { Resource = new() { Type = response.Type, Message = await WhileNotYetCreatedAsync(() => _rest.GetOriginalResponseAsync(Token, cancellationToken), e => e.Code == DiscordErrorCodes.UnknownMessage, cancellationToken) } }
                            : null;
                    }
                }

                // The endpoint's deferral won the race and is the acknowledgement: the callback route would get 40060.
                if (reply.DeferredAs is { } deferredAs)
                {
                    acknowledged = true;
                    return await AfterEndpointDeferralAsync(deferredAs, response, files, cancellationToken);
                }
            }

            return await _rest.CreateInteractionResponseAsync(InteractionId, Token, response, files, withResponse, cancellationToken);
        }
        catch when (!acknowledged)
        {
            Volatile.Write(ref _responded, 0);
            throw;
        }
    }


    private static async Task<(ReadOnlyMemory<byte> Body, string ContentType)> SerializeForHttpReplyAsync(
        InteractionResponse response, IReadOnlyList<DiscordFile>? files, CancellationToken cancellationToken)
    {
        var json = DiscordRestClient.SerializeInteractionResponse(response, files);
        if (files is not { Count: > 0 })
        {
            return (json, "application/json");
        }

        using var multipart = MultipartBodyBuilder.Build(json, files);
        var bytes = await multipart.ReadAsByteArrayAsync(cancellationToken);
        var contentType = multipart.Headers.ContentType ?? new MediaTypeHeaderValue("multipart/form-data");
        return (bytes, contentType.ToString());
    }
}

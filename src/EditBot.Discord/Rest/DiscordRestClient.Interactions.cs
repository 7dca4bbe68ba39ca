using System.Text.Json;
using EditBot.Discord.Models;

namespace EditBot.Discord.Rest;

/// <summary>Interaction callbacks and the interaction webhook (original response and follow-ups).</summary>
public sealed partial class DiscordRestClient
{
    private const string WebhookTemplate = "/webhooks/{application_id}/{interaction_token}";
    private const string OriginalTemplate = WebhookTemplate + "/messages/@original";
    private const string FollowupTemplate = WebhookTemplate + "/messages/{message_id}";

    /// <summary>Answers an interaction (the first response, within 3 s). With files, as multipart.</summary>
    /// <param name="withResponse">Ask for <c>?with_response=true</c>: the result then carries the created message.</param>
    /// <returns>The callback result when <paramref name="withResponse"/> is set, else null.</returns>
    public async Task<InteractionCallbackResult?> CreateInteractionResponseAsync(
        ulong interactionId,
        string token,
        InteractionResponse response,
        IReadOnlyList<DiscordFile>? files = null,
        bool withResponse = false,
        CancellationToken cancellationToken = default)
    {
        var json = SerializeInteractionResponse(response, files);
        var path = $"/interactions/{interactionId}/{token}/callback" + (withResponse ? "?with_response=true" : "");
        var route = DiscordRoute.InteractionCallback(interactionId, token, path);
        using var answer = await SendAsync(route, () => Content(json, files), cancellationToken);
        return withResponse ? await ReadAsync(answer, DiscordJsonContext.Default.InteractionCallbackResult, cancellationToken) : null;
    }

    /// <summary>The body of a callback, with the same defaults as any message (no pings, attachments per file).</summary>
    internal static byte[] SerializeInteractionResponse(InteractionResponse response, IReadOnlyList<DiscordFile>? files)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.Data;
        if (data is not null && response.Type is InteractionCallbackType.ChannelMessage or InteractionCallbackType.UpdateMessage)
        {
            data = data with { AllowedMentions = data.AllowedMentions ?? AllowedMentions.None, Attachments = WithUploads(data.Attachments, files) };
        }

        return JsonSerializer.SerializeToUtf8Bytes(response with { Data = data }, DiscordJsonContext.Default.InteractionResponse);
    }

    public async Task<Message> GetOriginalResponseAsync(string token, CancellationToken cancellationToken = default) =>
        await GetJsonAsync(await WebhookRoute(HttpMethod.Get, OriginalTemplate, token, "/messages/@original", cancellationToken),
            DiscordJsonContext.Default.Message, cancellationToken);

    public async Task<Message> EditOriginalResponseAsync(
        string token, MessageBody body, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default) =>
        await SendMessageAsync(
            await WebhookRoute(HttpMethod.Patch, OriginalTemplate, token, "/messages/@original", cancellationToken), WebhookBody(body), files, cancellationToken);

    public async Task DeleteOriginalResponseAsync(string token, CancellationToken cancellationToken = default) =>
        await SendWithoutResultAsync(await WebhookRoute(HttpMethod.Delete, OriginalTemplate, token, "/messages/@original", cancellationToken), cancellationToken);

    /// <summary>Sends a follow-up message (flags 64 for ephemeral); works for 15 minutes after the interaction.</summary>
    public async Task<Message> CreateFollowupAsync(
        string token, MessageBody body, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default) =>
        await SendMessageAsync(await WebhookRoute(HttpMethod.Post, WebhookTemplate, token, "", cancellationToken), WebhookBody(body), files, cancellationToken);

    public async Task<Message> EditFollowupAsync(
        string token, ulong messageId, MessageBody body, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default) =>
        await SendMessageAsync(
            await WebhookRoute(HttpMethod.Patch, FollowupTemplate, token, $"/messages/{messageId}", cancellationToken), WebhookBody(body), files, cancellationToken);

    public async Task DeleteFollowupAsync(string token, ulong messageId, CancellationToken cancellationToken = default) =>
        await SendWithoutResultAsync(
            await WebhookRoute(HttpMethod.Delete, FollowupTemplate, token, $"/messages/{messageId}", cancellationToken), cancellationToken);

    // Webhook messages cannot be replies.
    private static MessageBody WebhookBody(MessageBody body) => body with { MessageReference = null };

    private async Task<DiscordRoute> WebhookRoute(HttpMethod method, string template, string token, string suffix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var applicationId = await GetApplicationIdAsync(cancellationToken);
        return DiscordRoute.InteractionWebhook(method, template, applicationId, token, $"/webhooks/{applicationId}/{token}{suffix}");
    }
}

using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>Interaction callbacks and the interaction webhook.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<string, FakeInteraction> _interactions = new(StringComparer.Ordinal);

    /// <summary>
    /// Tells the fake where an interaction happened (and, for components, on which message), so its responses land
    /// in that channel, and that Discord sends it now (its first answer is due within
    /// <see cref="InteractionResponseDeadline"/>). Unregistered interactions are accepted too, in a channel the fake makes up.
    /// </summary>
    public FakeInteraction RegisterInteraction(ulong interactionId, string token, ulong channelId, ulong? sourceMessageId = null)
    {
        lock (_sync)
        {
            var interaction = new FakeInteraction(interactionId, token, channelId) { SourceMessageId = sourceMessageId, SentAt = _timeProvider.GetUtcNow() };
            _interactions[token] = interaction;
            return interaction;
        }
    }

    public FakeInteraction? GetInteraction(string token)
    {
        lock (_sync)
        {
            return _interactions.GetValueOrDefault(token);
        }
    }

    /// <summary>From now on the token's webhook routes answer 401 50027, as after <see cref="InteractionTokenLifetime"/>.</summary>
    public void ExpireInteraction(string token)
    {
        lock (_sync)
        {
            Interaction(0, token).Expired = true;
        }
    }

    private FakeInteraction Interaction(ulong id, string token)
    {
        if (!_interactions.TryGetValue(token, out var interaction))
        {
            var channel = AddChannel();
            _interactions[token] = interaction = new FakeInteraction(id, token, channel.Id);
        }

        return interaction;
    }

    /// <summary>
    /// Discord's window for the first answer to an interaction (callback or HTTP reply), counted from when it was
    /// sent: later ones get 404 Unknown interaction (10062). Null switches the check off; a test may relax it in its
    /// own setup only.
    /// </summary>
    public TimeSpan? InteractionResponseDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A deferred answer (type 5) carries at most <c>flags</c>, and of the flags only EPHEMERAL (64): the message comes
    /// later, with its own body. Discord documents nothing else there, so the fake refuses anything else (strict side).
    /// </summary>
    private static FakeResult? DeferredDataRefusal(JsonObject? data)
    {
        if (data?.Select(p => p.Key).FirstOrDefault(k => k != "flags") is { } field)
        {
            return FakeResult.InvalidForm("data." + field, "A deferred response carries only flags; the message comes with the edit of @original.");
        }

        return data?["flags"] is { } flags && (flags is not JsonValue value || !value.TryGetValue<int>(out var bits) || (bits & ~64) != 0)
            ? FakeResult.InvalidForm("data.flags", "A deferred response may only set the EPHEMERAL flag (64).")
            : null;
    }

    private FakeResult InteractionCallback(FakeCall call)
    {
        var interaction = Interaction(call.Id("interaction_id"), call.Text("interaction_token"));
        var body = call.Json ?? [];
        if (call.Parameters.ContainsKey(HttpReplyMarker))
        {
            interaction.HttpReply = (JsonObject)body.DeepClone();
        }
        else
        {
            interaction.Callbacks.Add((JsonObject)body.DeepClone());
        }

        if (interaction.ResponseType is not null)
        {
            interaction.AlreadyAcknowledgedRefusals++;
            return FakeResult.Error(400, 40060, "Interaction has already been acknowledged.");
        }

        if (interaction.Expired)
        {
            return FakeResult.NotFound(10062, "interaction");
        }

        if (InteractionResponseDeadline is { } deadline && interaction.SentAt is { } sent && _timeProvider.GetUtcNow() - sent > deadline)
        {
            interaction.LateRefusals++;
            return FakeResult.NotFound(10062, "interaction");
        }

        var type = body["type"]?.GetValue<int>() ?? 0;
        var data = body["data"] as JsonObject;
        FakeMessage? message = null;
        switch (type)
        {
            case 5 when DeferredDataRefusal(data) is { } refusal:
                return refusal;
            case 4 or 5:
                message = new FakeMessage(NextId(), interaction.ChannelId, BotUserId, true) { WebhookId = ApplicationId };
                if (type == 4 && ApplyMessageBody(message, call with { Json = data ?? [] }, isEdit: false) is { } invalid)
                {
                    return invalid;
                }

                message.Flags = (data?["flags"]?.GetValue<int>() ?? 0) | (type == 5 ? 128 : 0);
                _messages[message.Id] = message;
                interaction.OriginalMessageId = message.Id;
                break;
            case 6 or 7 when interaction.SourceMessageId is null:
                // Only component interactions (and modals opened from one) have a message to update. Discord refuses
                // with 400; its exact code is not documented, so the fake answers Invalid Form Body on the type.
                return FakeResult.InvalidForm("type", "Interaction has no message to update (callback types 6 and 7 need a component's message).");
            case 6 or 7:
                interaction.OriginalMessageId = interaction.SourceMessageId;
                if (type == 7 && interaction.SourceMessageId is { } source && _messages.GetValueOrDefault(source) is { } sourceMessage)
                {
                    message = sourceMessage;
                    if (ApplyMessageBody(message, call with { Json = data ?? [] }, isEdit: true) is { } invalidUpdate)
                    {
                        return invalidUpdate;
                    }
                }

                break;
            case 9:
                interaction.Modal = (JsonObject?)data?.DeepClone();
                break;
            case 8:
                break;
            default:
                return FakeResult.InvalidForm("type", $"Interaction callback type {type} is not valid here.");
        }

        interaction.ResponseType = type;
        interaction.Acknowledgements++;
        return call.Query("with_response") ? FakeResult.Ok(CallbackResponseJson(interaction, type, message)) : FakeResult.NoContent;
    }

    private JsonObject CallbackResponseJson(FakeInteraction interaction, int type, FakeMessage? message)
    {
        var json = new JsonObject
        {
            ["interaction"] = new JsonObject
            {
                ["id"] = interaction.Id.ToString(),
                ["type"] = 2,
                ["response_message_id"] = message?.Id.ToString(),
                ["response_message_loading"] = type == 5,
                ["response_message_ephemeral"] = message?.IsEphemeral ?? false,
            },
        };
        if (message is not null)
        {
            json["resource"] = new JsonObject { ["type"] = type, ["message"] = MessageJson(message) };
        }

        return json;
    }

    /// <summary>Null when the token may use its webhook; else the error.</summary>
    private FakeResult? WebhookError(FakeCall call, out FakeInteraction interaction)
    {
        interaction = _interactions.GetValueOrDefault(call.Text("interaction_token"))!;
        return call.Id("application_id") != ApplicationId ? FakeResult.NotFound(10015, "Webhook")
            : interaction is null || interaction.ResponseType is null ? FakeResult.NotFound(10015, "Webhook")
            : TokenExpired(interaction) ? FakeResult.Error(401, 50027, "Invalid Webhook Token")
            : null;
    }

    private FakeMessage? WebhookMessage(FakeInteraction interaction, ulong? messageId)
    {
        var id = messageId ?? interaction.OriginalMessageId;
        return id is { } found && _messages.GetValueOrDefault(found) is { Deleted: false } message
            && (found == interaction.OriginalMessageId || interaction.FollowupMessageIds.Contains(found)) ? message : null;
    }

    private FakeResult GetWebhookMessage(FakeCall call, ulong? messageId) =>
        WebhookError(call, out var interaction)
        ?? (WebhookMessage(interaction, messageId) is { } message ? FakeResult.Ok(MessageJson(message)) : FakeResult.NotFound(10008, "Message"));

    private FakeResult EditWebhookMessage(FakeCall call, ulong? messageId)
    {
        if (WebhookError(call, out var interaction) is { } error)
        {
            return error;
        }

        if (WebhookMessage(interaction, messageId) is not { } message)
        {
            return FakeResult.NotFound(10008, "Message");
        }

        message.Flags &= ~128; // editing a deferred answer replaces the "thinking" state
        return ApplyMessageBody(message, call, isEdit: true) ?? FakeResult.Ok(MessageJson(message));
    }

    private FakeResult DeleteWebhookMessage(FakeCall call, ulong? messageId)
    {
        if (WebhookError(call, out var interaction) is { } error)
        {
            return error;
        }

        if (WebhookMessage(interaction, messageId) is not { } message)
        {
            return FakeResult.NotFound(10008, "Message");
        }

        message.Deleted = true;
        return FakeResult.NoContent;
    }

    /// <summary>Follow-ups Discord allows an interaction that no server install authorized.</summary>
    public const int MaxUserInstallFollowups = 5;

    private FakeResult CreateFollowup(FakeCall call)
    {
        if (WebhookError(call, out var interaction) is { } error)
        {
            return error;
        }

        if (interaction.FollowupsLimited && interaction.FollowupMessageIds.Count >= MaxUserInstallFollowups)
        {
            return FakeResult.Error(400, 40094, "This interaction has hit the maximum number of follow up messages");
        }

        var message = new FakeMessage(NextId(), interaction.ChannelId, BotUserId, true) { WebhookId = ApplicationId };
        if (ApplyMessageBody(message, call, isEdit: false) is { } invalid)
        {
            return invalid;
        }

        _messages[message.Id] = message;
        interaction.FollowupMessageIds.Add(message.Id);
        return FakeResult.Ok(MessageJson(message));
    }
}

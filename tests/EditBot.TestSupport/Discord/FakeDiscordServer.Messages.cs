using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>Channel messages and threads.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>How long enforce_nonce deduplicates a send (Discord: "a few minutes"; the fake: 5, on its clock).</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    private FakeResult CreateMessage(FakeCall call)
    {
        if (ChannelOrError(call.Id("channel_id"), out var channel) is { } error)
        {
            return error;
        }

        if (channel.Type is 15 or 16)
        {
            return FakeResult.Error(400, 50008, "Cannot send messages in a non-text channel");
        }

        if (DirectMessageRefused(channel) is { } refused)
        {
            return refused;
        }

        if (PostToThread(channel) is { } locked)
        {
            return locked;
        }

        // enforce_nonce: a repeat of a recent send by the same author answers with the message already created.
        // Discord keeps nonces "for a few minutes"; the fake takes 5 on its clock, after which a repeat posts again.
        var nonce = call.Json?["nonce"]?.ToString();
        var now = _timeProvider.GetUtcNow();
        if (nonce is not null && call.Json?["enforce_nonce"]?.GetValue<bool>() == true
            && _messages.Values.FirstOrDefault(m => m.ChannelId == channel.Id && m.AuthorIsBot && m.Nonce == nonce && !m.Deleted
                && now - m.CreatedAt < NonceLifetime) is { } earlier)
        {
            return FakeResult.Ok(MessageJson(earlier));
        }

        var message = new FakeMessage(NextId(), channel.Id, BotUserId, true) { Nonce = nonce, CreatedAt = now };
        if (ApplyMessageBody(message, call, isEdit: false) is { } invalid)
        {
            return invalid;
        }

        if (call.Json?["message_reference"]?["message_id"]?.ToString() is { } replyTo)
        {
            message.ReferencedMessageId = ulong.Parse(replyTo);
        }

        _messages[message.Id] = message;
        return FakeResult.Ok(MessageJson(message));
    }

    private FakeResult GetMessage(FakeCall call) =>
        ChannelOrError(call.Id("channel_id"), out _)
        ?? (FindMessage(call.Id("channel_id"), call.Id("message_id")) is { } message
            ? FakeResult.Ok(MessageJson(message, forFetch: true))
            : FakeResult.NotFound(10008, "Message"));

    private FakeResult EditMessage(FakeCall call)
    {
        if (ChannelOrError(call.Id("channel_id"), out _) is { } error)
        {
            return error;
        }

        if (FindMessage(call.Id("channel_id"), call.Id("message_id")) is not { } message)
        {
            return FakeResult.NotFound(10008, "Message");
        }

        if (!message.AuthorIsBot)
        {
            return FakeResult.Error(403, 50005, "Cannot edit a message authored by another user");
        }

        return ApplyMessageBody(message, call, isEdit: true) ?? FakeResult.Ok(MessageJson(message));
    }

    private FakeResult DeleteMessage(FakeCall call)
    {
        if (ChannelOrError(call.Id("channel_id"), out _) is { } error)
        {
            return error;
        }

        if (FindMessage(call.Id("channel_id"), call.Id("message_id")) is not { } message)
        {
            return FakeResult.NotFound(10008, "Message");
        }

        message.Deleted = true;
        return FakeResult.NoContent;
    }

    private FakeResult StartThreadFromMessage(FakeCall call)
    {
        if (ChannelOrError(call.Id("channel_id"), out var channel) is { } error)
        {
            return error;
        }

        if (_threadDenied.Contains(channel.Id))
        {
            return FakeResult.Forbidden(50013);
        }

        if (channel.Type is not (0 or 5))
        {
            return FakeResult.Error(400, 50024, "Cannot execute action on this channel type");
        }

        if (FindMessage(channel.Id, call.Id("message_id")) is not { } message)
        {
            return FakeResult.NotFound(10008, "Message");
        }

        if (message.ThreadId is not null)
        {
            return FakeResult.Error(400, 160004, "A thread has already been created for this message");
        }

        var thread = NewThread(message.Id, channel.Type == 5 ? 10 : 11, channel, call.Json?["name"]?.ToString() ?? "thread", call);
        _channels[thread.Id] = thread;
        message.ThreadId = thread.Id;
        return FakeResult.Ok(thread.ToJson());
    }

    private FakeResult StartForumThread(FakeCall call)
    {
        if (ChannelOrError(call.Id("channel_id"), out var channel) is { } error)
        {
            return error;
        }

        if (_threadDenied.Contains(channel.Id))
        {
            return FakeResult.Forbidden(50013);
        }

        if (channel.Type is not (15 or 16) || call.Json?["message"] is not JsonObject first)
        {
            return FakeResult.Error(400, 50024, "Cannot execute action on this channel type");
        }

        var thread = NewThread(NextId(), 11, channel, call.Json["name"]?.ToString() ?? "post", call);
        var starter = new FakeMessage(thread.Id, thread.Id, BotUserId, true);
        if (ApplyMessageBody(starter, call with { Json = first }, isEdit: false) is { } invalid)
        {
            return invalid;
        }

        _channels[thread.Id] = thread;
        _messages[starter.Id] = starter;
        var json = thread.ToJson();
        json["message"] = MessageJson(starter);
        return FakeResult.Ok(json);
    }

    /// <summary>Applies content, embeds, components, flags and attachments (kept ids plus new uploads).</summary>
    private FakeResult? ApplyMessageBody(FakeMessage message, FakeCall call, bool isEdit)
    {
        if (UploadTooLarge(call.Files) is { } tooLarge)
        {
            return tooLarge;
        }

        var body = call.Json ?? [];
        var content = body["content"]?.ToString();
        if (content is { Length: > 2000 })
        {
            return FakeResult.InvalidForm("content", "Must be 2000 or fewer in length.");
        }

        var uploads = new List<FakeAttachment>();
        var kept = new List<FakeAttachment>(isEdit && body["attachments"] is null ? message.Attachments : []);
        foreach (var entry in (body["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = entry["id"]?.ToString() ?? "";
            if (call.Files.FirstOrDefault(f => f.PartName == $"files[{id}]") is { } file)
            {
                uploads.Add(AddAttachment(entry["filename"]?.ToString() ?? file.FileName, file.Bytes, file.ContentType) with
                {
                    Description = entry["description"]?.ToString(),
                });
            }
            else if (message.Attachments.FirstOrDefault(a => a.Id.ToString() == id) is { } existing)
            {
                kept.Add(existing);
            }
            else
            {
                return FakeResult.InvalidForm("attachments", $"Attachment {id} is neither an upload nor on the message.");
            }
        }

        if (kept.Count + uploads.Count > 10)
        {
            return FakeResult.InvalidForm("attachments", "Must be 10 or fewer in length.");
        }

        if (ComponentsV2Violation(message, body, [.. uploads.Select(u => u.Filename)], [.. kept.Select(k => k.Filename)], isEdit) is { } v2)
        {
            // A refused component layout is the bot's fault, like a body against the description: recorded, so a card
            // the bot then posts the classic way cannot pass unseen. The test device that refuses every card is not.
            if (!RefuseComponentsV2)
            {
                Record([$"message components: {v2.Body?.ToJsonString()}"]);
            }

            return v2;
        }

        var embeds = body["embeds"] as JsonArray;
        var components = body["components"] as JsonArray;
        if (!isEdit && string.IsNullOrEmpty(content) && uploads.Count == 0 && (embeds?.Count ?? 0) == 0 && (components?.Count ?? 0) == 0)
        {
            return FakeResult.Error(400, 50006, "Cannot send an empty message");
        }

        message.Content = content ?? (isEdit ? message.Content : "");
        message.Embeds = embeds is null ? (isEdit ? message.Embeds : []) : (JsonArray)embeds.DeepClone();
        message.Components = components is null ? (isEdit ? message.Components : []) : (JsonArray)components.DeepClone();
        if (body["flags"]?.GetValue<int>() is { } flags)
        {
            message.Flags = flags;
        }

        message.Attachments.Clear();
        message.Attachments.AddRange(kept.Concat(uploads));
        ResolveMediaReferences(message);
        return null;
    }

    private FakeMessage? FindMessage(ulong channelId, ulong messageId) =>
        _messages.GetValueOrDefault(messageId) is { Deleted: false } message && message.ChannelId == channelId ? message : null;

    /// <param name="forFetch">The message goes to the bot (REST or gateway), so the MESSAGE_CONTENT rules apply.</param>
    private JsonObject MessageJson(FakeMessage message, bool forFetch = false)
    {
        var channel = _channels.GetValueOrDefault(message.ChannelId);
        return message.ToJson(channel?.GuildId, forFetch && !MessageContentIntent && !VisibleWithoutIntent(message, channel));
    }

    // Discord's exceptions to the MESSAGE_CONTENT intent: the bot's own messages, DMs, mentions of the bot, and
    // replies to the bot's own non-interaction messages.
    private bool VisibleWithoutIntent(FakeMessage message, FakeChannel? channel) =>
        message.AuthorIsBot
        || channel?.Type == 1
        || message.Content.Contains($"<@{BotUserId}>", StringComparison.Ordinal)
        || (message.ReferencedMessageId is { } replied && _messages.GetValueOrDefault(replied) is { AuthorIsBot: true, WebhookId: null });
}

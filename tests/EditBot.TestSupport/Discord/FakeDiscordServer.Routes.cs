using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>The routes the fake answers, and the application, gateway and channel ones.</summary>
public sealed partial class FakeDiscordServer
{
    private List<FakeRoute> BuildRoutes() =>
    [
        new("GET", "/applications/@me", _ => FakeResult.Ok(ApplicationJson())),
        new("GET", "/gateway/bot", _ => FakeResult.Ok(GatewayJson())),
        new("GET", "/gateway", _ => FakeResult.Ok(new JsonObject { ["url"] = GatewayUrl.AbsoluteUri.TrimEnd('/') })),
        new("GET", "/channels/{channel_id}", GetChannel),
        new("POST", "/users/@me/channels", CreateDm),
        new("POST", "/channels/{channel_id}/messages", CreateMessage),
        new("GET", "/channels/{channel_id}/messages", GetChannelMessages),
        new("GET", "/channels/{channel_id}/messages/{message_id}", GetMessage),
        new("PATCH", "/channels/{channel_id}/messages/{message_id}", EditMessage),
        new("DELETE", "/channels/{channel_id}/messages/{message_id}", DeleteMessage),
        new("POST", "/channels/{channel_id}/messages/{message_id}/threads", StartThreadFromMessage),
        new("POST", "/channels/{channel_id}/threads", StartForumThread),
        new("POST", "/interactions/{interaction_id}/{interaction_token}/callback", InteractionCallback),
        new("GET", "/webhooks/{application_id}/{interaction_token}/messages/@original", c => GetWebhookMessage(c, null)),
        new("PATCH", "/webhooks/{application_id}/{interaction_token}/messages/@original", c => EditWebhookMessage(c, null)),
        new("DELETE", "/webhooks/{application_id}/{interaction_token}/messages/@original", c => DeleteWebhookMessage(c, null)),
        new("POST", "/webhooks/{application_id}/{interaction_token}", CreateFollowup),
        new("GET", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", c => GetWebhookMessage(c, c.Id("message_id"))),
        new("PATCH", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", c => EditWebhookMessage(c, c.Id("message_id"))),
        new("DELETE", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", c => DeleteWebhookMessage(c, c.Id("message_id"))),
        new("GET", "/applications/{application_id}/commands", c => GetCommands(c, null)),
        new("PUT", "/applications/{application_id}/commands", c => OverwriteCommands(c, null)),
        new("GET", "/applications/{application_id}/guilds/{guild_id}/commands", c => GetCommands(c, c.Id("guild_id"))),
        new("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", c => OverwriteCommands(c, c.Id("guild_id"))),
    ];

    private JsonObject ApplicationJson() => new()
    {
        ["id"] = ApplicationId.ToString(),
        ["name"] = "EditBot",
        ["description"] = "",
        ["bot_public"] = true,
        ["bot_require_code_grant"] = false,
        ["verify_key"] = "00",
        ["flags"] = 0,
        ["bot"] = new JsonObject { ["id"] = BotUserId.ToString(), ["username"] = "EditBot", ["bot"] = true },
    };

    private JsonObject GatewayJson() => new()
    {
        ["url"] = GatewayUrl.AbsoluteUri.TrimEnd('/'),
        ["shards"] = GatewayShards,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = SessionStartTotal,
            ["remaining"] = SessionStartRemaining,
            ["reset_after"] = (long)SessionStartResetAfter.TotalMilliseconds,
            ["max_concurrency"] = MaxConcurrency,
        },
    };

    private FakeResult GetChannel(FakeCall call) =>
        ChannelOrError(call.Id("channel_id"), out var channel) ?? FakeResult.Ok(channel.ToJson());

    private FakeResult CreateDm(FakeCall call)
    {
        var recipient = ulong.Parse(call.Json?["recipient_id"]?.ToString() ?? "0");
        var existing = _channels.Values.FirstOrDefault(c => c.Type == 1 && c.RecipientId == recipient);
        if (existing is null)
        {
            existing = new FakeChannel(NextId(), 1, null, null, "") { RecipientId = recipient };
            _channels[existing.Id] = existing;
        }

        return FakeResult.Ok(existing.ToJson());
    }

    /// <summary>Null when the channel exists and is visible; else the error to answer.</summary>
    private FakeResult? ChannelOrError(ulong channelId, out FakeChannel channel)
    {
        channel = _channels.GetValueOrDefault(channelId)!;
        ArchiveIfIdle(channel);
        return channel is null ? FakeResult.NotFound(10003, "Channel")
            : _forbidden.Contains(channelId) || (channel.ParentId is { } parent && _forbidden.Contains(parent)) ? FakeResult.Forbidden(50001)
            : null;
    }
}

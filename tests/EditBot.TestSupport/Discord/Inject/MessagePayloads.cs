using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Inject;

/// <summary>
/// Message objects and MESSAGE_CREATE payloads in Discord's wire shape: any message (a target for message commands,
/// the message of a button), a reply that mentions the bot under an image, and a DM.
/// </summary>
public static class MessagePayloads
{
    public const string DefaultBotId = "1100000000000000001";

    /// <summary>A message object; <paramref name="guildId"/> null for a DM channel.</summary>
    public static JsonObject Message(
        string? content = "",
        IEnumerable<AttachmentSpec>? attachments = null,
        DiscordUserSpec? author = null,
        string channelId = InteractionOrigin.DefaultChannelId,
        string? guildId = InteractionOrigin.DefaultGuildId,
        string? id = null,
        IEnumerable<JsonObject>? components = null)
    {
        var message = new JsonObject
        {
            ["id"] = id ?? TestSnowflakes.Next(),
            ["channel_id"] = channelId,
            ["author"] = (author ?? DiscordUserSpec.OtherUser).ToJson(),
            ["content"] = content ?? string.Empty,
            ["timestamp"] = "2026-11-24T09:00:00.000000+00:00",
            ["edited_timestamp"] = null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray([.. (attachments ?? []).Select(a => (JsonNode)a.ToJson())]),
            ["embeds"] = new JsonArray(),
            ["pinned"] = false,
            ["type"] = 0,
            ["flags"] = 0,
            ["components"] = new JsonArray([.. (components ?? []).Select(c => (JsonNode)c.DeepClone())]),
        };
        if (guildId is not null)
        {
            message["guild_id"] = guildId;
        }

        return message;
    }

    /// <summary>
    /// MESSAGE_CREATE for "@bot prompt" sent as a reply to <paramref name="referencedMessage"/>: content
    /// <c>&lt;@botId&gt; prompt</c>, the bot in <c>mentions</c>, <c>message_reference</c>, and
    /// <c>referenced_message</c>. With <paramref name="referencedAttachmentsVisible"/> false (the default), the
    /// referenced message comes without content and attachments, as Discord may send it to a bot without
    /// MESSAGE_CONTENT: whether it includes them is undocumented, so the strict side is the default and a test that
    /// relies on Discord including them says so.
    /// <paramref name="ownAttachments"/> are files attached to the reply itself.
    /// </summary>
    public static JsonObject MentionReplyToImage(
        string prompt,
        JsonObject referencedMessage,
        bool referencedAttachmentsVisible = false,
        string botId = DefaultBotId,
        DiscordUserSpec? author = null,
        IEnumerable<AttachmentSpec>? ownAttachments = null)
    {
        ArgumentNullException.ThrowIfNull(referencedMessage);
        var channelId = (string)referencedMessage["channel_id"]!;
        var guildId = (string?)referencedMessage["guild_id"];
        var user = author ?? DiscordUserSpec.Requester;
        var message = Message($"<@{botId}> {prompt}", ownAttachments, user, channelId, guildId);
        message["type"] = 19;
        message["mentions"] = new JsonArray(new DiscordUserSpec(botId, "EditBot", Bot: true).ToJson());
        var reference = new JsonObject { ["type"] = 0, ["message_id"] = referencedMessage["id"]!.DeepClone(), ["channel_id"] = channelId };
        if (guildId is not null)
        {
            reference["guild_id"] = guildId;
            message["member"] = GuildMember();
        }

        message["message_reference"] = reference;
        var referenced = referencedMessage.DeepClone().AsObject();
        if (!referencedAttachmentsVisible)
        {
            referenced["content"] = string.Empty;
            referenced["attachments"] = new JsonArray();
            referenced["embeds"] = new JsonArray();
            referenced["components"] = new JsonArray();
            foreach (var snapshot in (referenced["message_snapshots"] as JsonArray ?? []).Select(n => n?["message"]).OfType<JsonObject>())
            {
                // A forward's files are in its snapshot: hidden the same way (assumed, like the files themselves).
                snapshot["content"] = string.Empty;
                snapshot["attachments"] = new JsonArray();
                snapshot["embeds"] = new JsonArray();
            }
        }

        message["referenced_message"] = referenced;
        return message;
    }

    /// <summary>MESSAGE_CREATE for a direct message to the bot (no guild_id, no member).</summary>
    public static JsonObject DirectMessage(
        string content,
        IEnumerable<AttachmentSpec>? attachments = null,
        DiscordUserSpec? author = null,
        string channelId = "1220000000000000001") =>
        Message(content, attachments, author ?? DiscordUserSpec.Requester, channelId, guildId: null);

    private static JsonObject GuildMember() => new()
    {
        ["roles"] = new JsonArray(),
        ["joined_at"] = "2024-01-01T00:00:00.000000+00:00",
        ["premium_since"] = null,
        ["deaf"] = false,
        ["mute"] = false,
        ["pending"] = false,
        ["flags"] = 0,
    };
}

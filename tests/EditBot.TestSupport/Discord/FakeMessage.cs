using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>A message the fake holds. Mutable under the server's lock; read it in assertions.</summary>
public sealed class FakeMessage(ulong id, ulong channelId, ulong authorId, bool authorIsBot)
{
    public ulong Id { get; } = id;

    public ulong ChannelId { get; } = channelId;

    public ulong AuthorId { get; } = authorId;

    public bool AuthorIsBot { get; } = authorIsBot;

    public string Content { get; set; } = "";

    /// <summary>The nonce it was created with, for enforce_nonce deduplication.</summary>
    public string? Nonce { get; init; }

    /// <summary>When the fake created it (its clock): enforce_nonce only deduplicates recent sends.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public int Flags { get; set; }

    public JsonArray Embeds { get; set; } = [];

    public JsonArray Components { get; set; } = [];

    public List<FakeAttachment> Attachments { get; } = [];

    public ulong? ReferencedMessageId { get; set; }

    /// <summary>Set on a forward: the original's ids and content, sent as a type-1 reference and message_snapshots.</summary>
    public FakeSnapshot? Forwarded { get; init; }

    /// <summary>Set for interaction responses and follow-ups (the application id).</summary>
    public ulong? WebhookId { get; set; }

    /// <summary>Set once a thread was started on this message (its id equals the message id).</summary>
    public ulong? ThreadId { get; set; }

    public bool Deleted { get; set; }

    public bool IsEphemeral => (Flags & 64) != 0;

    /// <summary>Laid out by components only (flag 1 &lt;&lt; 15): its text is in text displays, its files in galleries.</summary>
    public bool IsComponentsV2 => (Flags & FakeDiscordServer.ComponentsV2Flag) != 0;

    /// <summary>What a reader sees as text: the content, then every text display's, in order.</summary>
    public string Text => string.Join("\n", new[] { Content }.Concat(TextDisplays(Components)).Where(t => !string.IsNullOrEmpty(t)));

    private static IEnumerable<string> TextDisplays(JsonArray components) =>
        components.OfType<JsonObject>().SelectMany(c => (c["type"]?.GetValue<int>() == 10 ? [c["content"]?.ToString() ?? ""] : Enumerable.Empty<string>())
            .Concat(c["components"] is JsonArray children ? TextDisplays(children) : []));

    private const int HasSnapshotFlag = 1 << 14;

    public JsonObject ToJson(ulong? guildId, bool stripContent)
    {
        var json = ContentJson(Content, Attachments, Embeds, stripContent);
        json["id"] = Id.ToString();
        json["channel_id"] = ChannelId.ToString();
        json["type"] = ReferencedMessageId is null ? 0 : 19;
        json["author"] = new JsonObject { ["id"] = AuthorId.ToString(), ["username"] = AuthorIsBot ? "EditBot" : "user" + AuthorId, ["bot"] = AuthorIsBot };
        json["tts"] = false;
        json["mention_everyone"] = false;
        json["pinned"] = false;
        json["flags"] = Forwarded is null ? Flags : Flags | HasSnapshotFlag;
        json["components"] = stripContent ? new JsonArray() : Components.DeepClone();
        if (guildId is { } guild)
        {
            json["guild_id"] = guild.ToString();
        }

        if (ReferencedMessageId is { } referenced)
        {
            json["message_reference"] = new JsonObject { ["type"] = 0, ["message_id"] = referenced.ToString(), ["channel_id"] = ChannelId.ToString() };
        }

        if (Forwarded is { } forwarded)
        {
            json["message_reference"] = forwarded.ReferenceJson();
            json["message_snapshots"] = forwarded.SnapshotsJson(stripContent);
        }

        if (WebhookId is { } webhook)
        {
            json["webhook_id"] = webhook.ToString();
            json["application_id"] = webhook.ToString();
        }

        if (ThreadId is { } thread)
        {
            json["thread"] = new JsonObject { ["id"] = thread.ToString(), ["type"] = 11, ["parent_id"] = ChannelId.ToString() };
        }

        return json;
    }

    /// <summary>
    /// The fields a message and a forward's snapshot share: type 0, the content, attachments and embeds (emptied without
    /// the MESSAGE_CONTENT intent), no mentions, and the timestamps.
    /// </summary>
    internal static JsonObject ContentJson(string content, IEnumerable<FakeAttachment> attachments, JsonArray embeds, bool stripContent) => new()
    {
        ["type"] = 0,
        ["content"] = stripContent ? "" : content,
        ["mentions"] = new JsonArray(),
        ["mention_roles"] = new JsonArray(),
        ["attachments"] = stripContent ? new JsonArray() : new JsonArray([.. attachments.Select(a => (JsonNode)a.ToJson())]),
        ["embeds"] = stripContent ? new JsonArray() : embeds.DeepClone(),
        ["timestamp"] = "2026-01-01T00:00:00.000000+00:00",
        ["edited_timestamp"] = null,
    };
}

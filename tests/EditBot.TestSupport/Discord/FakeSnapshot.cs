using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>
/// What a forward keeps of the original message: where it came from (for <c>message_reference</c>, type 1) and a copy
/// of its content taken when it was forwarded (for <c>message_snapshots</c>; later edits of the original don't reach it).
/// </summary>
public sealed record FakeSnapshot(ulong MessageId, ulong ChannelId, ulong? GuildId, string Content, IReadOnlyList<FakeAttachment> Attachments, JsonArray Embeds)
{
    public static FakeSnapshot Of(FakeMessage original, ulong? guildId)
    {
        ArgumentNullException.ThrowIfNull(original);
        return new(original.Id, original.ChannelId, guildId, original.Content, [.. original.Attachments], (JsonArray)original.Embeds.DeepClone());
    }

    /// <summary>The forward's <c>message_reference</c>: type 1 with the original's ids.</summary>
    public JsonObject ReferenceJson()
    {
        var reference = new JsonObject { ["type"] = 1, ["message_id"] = MessageId.ToString(), ["channel_id"] = ChannelId.ToString() };
        if (GuildId is { } guild)
        {
            reference["guild_id"] = guild.ToString();
        }

        return reference;
    }

    /// <summary>
    /// <c>message_snapshots</c> as Discord sends it: one entry whose partial message has no id, channel or author. Without
    /// the MESSAGE_CONTENT intent its content fields are emptied like the message's own (assumed: undocumented).
    /// </summary>
    public JsonArray SnapshotsJson(bool stripContent)
    {
        var message = FakeMessage.ContentJson(Content, Attachments, Embeds, stripContent);
        message["flags"] = 0;
        message["components"] = new JsonArray();
        return [new JsonObject { ["message"] = message }];
    }
}

using System.Text.Json;
using EditBot.Discord.Models;

namespace EditBot.Discord.Tests.Models;

/// <summary>A forwarded message as Discord sends it (MESSAGE_CREATE or GET message) reads into the models.</summary>
public sealed class MessageSnapshotJsonTests
{
    // The shape of a forward of an image from another server's channel: flags 16384 (HAS_SNAPSHOT), no own content or
    // files, message_reference type 1, and one snapshot whose partial message has no id, channel or author.
    private const string ForwardedImage = """
    {
      "type": 0, "content": "", "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
      "timestamp": "2025-03-14T09:26:53.589000+00:00", "edited_timestamp": null, "flags": 16384, "components": [],
      "id": "1350000000000000002", "channel_id": "1340000000000000001",
      "author": { "id": "1200000000000000003", "username": "alice", "avatar": null, "discriminator": "0", "public_flags": 0, "flags": 0, "global_name": "Alice" },
      "pinned": false, "mention_everyone": false, "tts": false,
      "message_reference": { "type": 1, "channel_id": "1330000000000000004", "message_id": "1349999999999999995", "guild_id": "1320000000000000006" },
      "message_snapshots": [
        {
          "message": {
            "type": 0, "content": "sunset from the pier", "mentions": [], "mention_roles": ["1310000000000000007"],
            "attachments": [
              {
                "id": "1349999999999999996", "filename": "sunset.png", "size": 482113,
                "url": "https://cdn.discordapp.com/attachments/1330000000000000004/1349999999999999996/sunset.png?ex=67d5a1b2&is=67d45032&hm=0a1b2c3d4e5f&",
                "proxy_url": "https://media.discordapp.net/attachments/1330000000000000004/1349999999999999996/sunset.png?ex=67d5a1b2&is=67d45032&hm=0a1b2c3d4e5f&",
                "width": 1024, "height": 768, "content_type": "image/png", "placeholder": "3PcJDQJ4h4iHd4eAeHiIeHiHhw==", "placeholder_version": 1, "flags": 0
              }
            ],
            "embeds": [], "timestamp": "2025-03-14T09:20:11.101000+00:00", "edited_timestamp": null, "flags": 0, "components": [],
            "sticker_items": [ { "id": "1300000000000000008", "name": "wave", "format_type": 1 } ]
          }
        }
      ]
    }
    """;

    [Fact]
    public void A_forwarded_image_reads_with_its_reference_type_and_the_snapshots_attachment()
    {
        var message = JsonSerializer.Deserialize(ForwardedImage, DiscordJsonContext.Default.Message)!;

        Assert.Equal(MessageReferenceType.Forward, message.MessageReference!.Type);
        Assert.Equal(1349999999999999995UL, message.MessageReference.MessageId);
        Assert.Equal(MessageFlags.HasSnapshot, message.Flags);
        Assert.Empty(message.Attachments!);
        var snapshot = Assert.Single(message.MessageSnapshots!).Message!;
        Assert.Equal("sunset from the pier", snapshot.Content);
        Assert.Equal([1310000000000000007UL], snapshot.MentionRoles);
        Assert.Null(snapshot.EditedTimestamp);
        Assert.Equal("wave", Assert.Single(snapshot.StickerItems!).Name);
        var image = Assert.Single(MessageImages.Of(message));
        Assert.Equal(("sunset.png", 1024, 768), (image.Filename, image.Width, image.Height));
        Assert.Equal("cdn.discordapp.com", image.Url!.Host);
    }

    [Fact]
    public void A_reply_without_a_reference_type_reads_as_the_default_and_writes_no_snapshots()
    {
        var reply = JsonSerializer.Deserialize("""{"id":"5","channel_id":"6","message_reference":{"message_id":"4","channel_id":"6"}}""", DiscordJsonContext.Default.Message)!;

        Assert.Null(reply.MessageReference!.Type);
        Assert.Null(reply.MessageSnapshots);
        Assert.DoesNotContain("message_snapshots", JsonSerializer.Serialize(reply, DiscordJsonContext.Default.Message), StringComparison.Ordinal);
    }
}

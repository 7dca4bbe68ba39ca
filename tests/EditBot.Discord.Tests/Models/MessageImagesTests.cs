using EditBot.Discord.Models;

namespace EditBot.Discord.Tests.Models;

/// <summary>"The images a message carries": its own, else a forward's snapshot's, never anything unusable.</summary>
public sealed class MessageImagesTests
{
    private static Attachment Image(ulong id) => new() { Id = id, Filename = $"{id}.png", ContentType = "image/png", Url = new Uri($"https://cdn.discordapp.com/attachments/1/{id}/{id}.png") };

    private static Attachment Text(ulong id) => new() { Id = id, Filename = $"{id}.txt", ContentType = "text/plain", Url = new Uri($"https://cdn.discordapp.com/attachments/1/{id}/{id}.txt") };

    private static MessageSnapshot Snapshot(params Attachment[] attachments) => new() { Message = new SnapshotMessage { Attachments = attachments } };

    private static Message Forward(params MessageSnapshot[] snapshots) => new()
    {
        Id = 9,
        Attachments = [],
        Flags = MessageFlags.HasSnapshot,
        MessageReference = new MessageReference { Type = MessageReferenceType.Forward, MessageId = 8, ChannelId = 7 },
        MessageSnapshots = snapshots,
    };

    [Fact]
    public void A_message_with_its_own_images_carries_those_and_not_its_snapshots()
    {
        var message = Forward(Snapshot(Image(2))) with { Attachments = [Text(3), Image(1)] };

        Assert.Equal([1UL], MessageImages.Of(message).Select(a => a.Id));
    }

    [Fact]
    public void A_forward_carries_the_images_of_its_first_snapshot_that_has_any()
    {
        var message = Forward(new MessageSnapshot(), Snapshot(Text(4)), Snapshot(Image(5), Text(6), Image(7)), Snapshot(Image(8)));

        Assert.Equal([5UL, 7UL], MessageImages.Of(message).Select(a => a.Id));
    }

    [Fact]
    public void Files_that_are_not_images_or_have_no_url_and_missing_messages_carry_nothing()
    {
        var noUrl = Image(10) with { Url = null };
        var measured = new Attachment { Id = 11, Filename = "photo", Width = 4, Height = 3, Url = new Uri("https://cdn.discordapp.com/attachments/1/11/photo") };

        Assert.Empty(MessageImages.Of(Forward(Snapshot(noUrl, Text(12)))));
        Assert.Empty(MessageImages.Of(new Message { Id = 1 }));
        Assert.Empty(MessageImages.Of(null));
        Assert.Equal([11UL], MessageImages.Of(new Message { Attachments = [noUrl, measured] }).Select(a => a.Id));
    }
}

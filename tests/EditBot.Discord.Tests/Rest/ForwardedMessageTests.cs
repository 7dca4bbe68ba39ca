using EditBot.Discord.Models;
using EditBot.Discord.Tests.Support;

namespace EditBot.Discord.Tests.Rest;

/// <summary>The fake serves a forward as Discord does, and the REST client reads the original's image from it.</summary>
public sealed class ForwardedMessageTests
{
    [Fact]
    public async Task A_fetched_forward_has_no_files_of_its_own_a_type_1_reference_and_the_originals_image_in_its_snapshot()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        h.Fake.MessageContentIntent = true;
        var elsewhere = h.Fake.AddChannel(type: 0, guildId: 777);
        var here = h.Fake.AddChannel(type: 0);
        var photo = h.Fake.AddAttachment("pier.png", TestImages.Png(12, 8));
        var original = h.Fake.AddMessage(elsewhere.Id, "sunset", attachments: [photo]);
        var forward = h.Fake.AddForwardedMessage(here.Id, original);

        var fetched = await h.Rest.GetMessageAsync(here.Id, forward.Id, Cancel.After());

        Assert.Empty(fetched.Attachments!);
        Assert.Equal("", fetched.Content);
        Assert.Equal(MessageFlags.HasSnapshot, fetched.Flags);
        Assert.Equal(
            new MessageReference { Type = MessageReferenceType.Forward, MessageId = original.Id, ChannelId = elsewhere.Id, GuildId = 777 },
            fetched.MessageReference);
        var snapshot = Assert.Single(fetched.MessageSnapshots!).Message!;
        Assert.Equal("sunset", snapshot.Content);
        var image = Assert.Single(MessageImages.Of(fetched));
        Assert.Equal((photo.Id, 12, 8), (image.Id, image.Width, image.Height));
    }

    [Fact]
    public async Task Without_the_intent_the_snapshots_content_and_files_are_hidden_like_the_messages_own()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var channel = h.Fake.AddChannel(type: 0);
        var original = h.Fake.AddMessage(channel.Id, "sunset", attachments: [h.Fake.AddAttachment("pier.png", TestImages.Png(12, 8))]);
        var forward = h.Fake.AddForwardedMessage(channel.Id, original);

        var fetched = await h.Rest.GetMessageAsync(channel.Id, forward.Id, Cancel.After());

        Assert.Equal(MessageReferenceType.Forward, fetched.MessageReference!.Type);
        var snapshot = Assert.Single(fetched.MessageSnapshots!).Message!;
        Assert.Equal(("", 0), (snapshot.Content, snapshot.Attachments!.Count));
        Assert.Empty(MessageImages.Of(fetched));
    }
}

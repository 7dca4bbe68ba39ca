using EditBot.Discord.Tests.Support;

namespace EditBot.Discord.Tests.Rest;

/// <summary>The bot ships without MESSAGE_CONTENT: Discord hides other people's messages unless an exception applies.</summary>
public sealed class MessageContentIntentTests
{
    [Theory]
    [InlineData("plain", false)]
    [InlineData("mention", true)]
    [InlineData("reply-to-bot", true)]
    [InlineData("dm", true)]
    [InlineData("own", true)]
    public async Task A_fetched_message_shows_its_content_only_where_discord_shows_it_without_the_intent(string kind, bool visible)
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var channel = h.Fake.AddChannel(type: kind == "dm" ? 1 : 0);
        var photo = h.Fake.AddAttachment("dog.png", TestImages.Png(8, 8));
        var botMessage = h.Fake.AddMessage(channel.Id, "result", byBot: true);
        var message = h.Fake.AddMessage(
            channel.Id,
            kind == "mention" ? $"<@{h.Fake.BotUserId}> look" : "look",
            attachments: [photo],
            replyTo: kind == "reply-to-bot" ? botMessage.Id : null,
            byBot: kind == "own");

        var fetched = await h.Rest.GetMessageAsync(channel.Id, message.Id, Cancel.After());
        h.Fake.MessageContentIntent = true;
        var withIntent = await h.Rest.GetMessageAsync(channel.Id, message.Id, Cancel.After());

        Assert.Equal(visible, !string.IsNullOrEmpty(fetched.Content));
        Assert.Equal(visible ? 1 : 0, fetched.Attachments?.Count ?? 0);
        Assert.Single(withIntent.Attachments!);
    }
}

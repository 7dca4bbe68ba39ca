using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using EditBot.Tests.Bot.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport;

namespace EditBot.Tests.Bot;

/// <summary>Replies that mention the bot, on the real engine and both fakes.</summary>
public class MentionFlowTests
{
    private static async Task<(FakeChannel Channel, FakeMessage Target)> SeedAsync(ExperienceHost host)
    {
        await host.SendAsync("READY", new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = host.Discord.BotUserId.ToString(), ["bot"] = true },
            ["application"] = new JsonObject { ["id"] = host.Discord.ApplicationId.ToString() },
        });
        var channel = host.Discord.AddChannel(type: 0);
        var image = host.Discord.AddAttachment("dog.png", TestImages.Png(200, 300));
        var target = host.Discord.AddMessage(channel.Id, "look", attachments: [image]);
        return (channel, target);
    }

    private static JsonObject Mention(ExperienceHost host, FakeChannel channel, FakeMessage target, string prompt, bool attachmentsVisible)
    {
        var stored = host.Discord.AddMessage(channel.Id, $"<@{host.Discord.BotUserId}> {prompt}", authorId: ulong.Parse(DiscordUserSpec.Requester.Id), replyTo: target.Id);
        var payload = MessagePayloads.MentionReplyToImage(prompt, host.Discord.ToMessageJson(target, fullContent: attachmentsVisible), attachmentsVisible, host.Discord.BotUserId.ToString());
        payload["id"] = stored.Id.ToString();
        payload["channel_id"] = channel.Id.ToString();
        return payload;
    }

    [Fact]
    public async Task A_mention_replying_to_an_image_is_threaded_on_the_reply_even_when_discord_hides_the_files()
    {
        // The bot then fetches the replied-to message; Discord returns its files only to a bot with the
        // MESSAGE_CONTENT intent (without it the bot can only give guidance, tested below), so this bot has it.
        await using var host = await ExperienceHost.StartAsync(new Dictionary<string, string?> { ["Discord:MessageContentIntent"] = "true" });
        host.Discord.MessageContentIntent = true;
        var (channel, target) = await SeedAsync(host);
        var mention = Mention(host, channel, target, "add a hat", attachmentsVisible: false);

        await host.SendAsync("MESSAGE_CREATE", mention);

        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        var mentionId = ulong.Parse((string)mention["id"]!);
        await Eventually.WaitUntilAsync(() => host.Discord.GetMessage(mentionId)?.ThreadId is not null, "the thread on the reply");
        var thread = host.Discord.GetMessage(mentionId)!.ThreadId!.Value;
        var results = host.Discord.MessagesIn(thread);
        Assert.Single(results);
        Assert.Contains(host.Discord.MessagesIn(channel.Id), m => m.AuthorIsBot && m.ReferencedMessageId == mentionId);
        host.Discord.AssertNoContractViolations();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_mention_replying_to_a_forwarded_image_edits_the_snapshots_image(bool snapshotInline)
    {
        // Inline: Discord sent the snapshot's files in referenced_message; else the bot fetches the forward (with the intent).
        await using var host = await ExperienceHost.StartAsync(new Dictionary<string, string?> { ["Discord:MessageContentIntent"] = "true" });
        host.Discord.MessageContentIntent = true;
        var (channel, _) = await SeedAsync(host);
        var elsewhere = host.Discord.AddChannel(type: 0);
        var original = host.Discord.AddMessage(elsewhere.Id, "sunset", attachments: [host.Discord.AddAttachment("pier.png", TestImages.Png(320, 200))]);
        var forward = host.Discord.AddForwardedMessage(channel.Id, original);
        var mention = Mention(host, channel, forward, "add a lighthouse", attachmentsVisible: snapshotInline);

        await host.SendAsync("MESSAGE_CREATE", mention);

        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        var sent = Assert.Single(host.Gmi.Requests);
        Assert.Equal((320, 200), (sent.ImageFacts!.Width, sent.ImageFacts.Height));
        var mentionId = ulong.Parse((string)mention["id"]!);
        await Eventually.WaitUntilAsync(() => host.Discord.GetMessage(mentionId)?.ThreadId is not null, "the thread on the reply");
        Assert.Equal(snapshotInline ? 0 : 1, host.Discord.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/messages/" + forward.Id, StringComparison.Ordinal)));
        host.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Replying_to_a_result_refines_it_from_the_blob_store()
    {
        await using var host = await ExperienceHost.StartAsync();
        var (channel, target) = await SeedAsync(host);
        await host.SendAsync("MESSAGE_CREATE", Mention(host, channel, target, "add a hat", attachmentsVisible: true));
        var first = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, first.State);
        var thread = host.Discord.MessagesIn(channel.Id).Select(m => m.ThreadId).First(t => t is not null)!.Value;
        await Eventually.WaitUntilAsync(() => host.Discord.MessagesIn(thread).Count > 0, "the result message");
        var result = host.Discord.MessagesIn(thread)[0];

        host.Discord.SimulateMissingMessageContentIntent = true;
        var refine = host.Discord.AddMessage(thread, $"<@{host.Discord.BotUserId}> darker sky", authorId: ulong.Parse(DiscordUserSpec.Requester.Id), replyTo: result.Id);
        var payload = MessagePayloads.MentionReplyToImage("darker sky", host.Discord.ToMessageJson(result), referencedAttachmentsVisible: false, host.Discord.BotUserId.ToString());
        payload["id"] = refine.Id.ToString();
        payload["channel_id"] = thread.ToString();
        await host.SendAsync("MESSAGE_CREATE", payload);

        var second = await host.WaitForJobAsync(j => j.Request.Prompt == "darker sky" && j.IsTerminal);
        Assert.Equal(JobState.Done, second.State);
        Assert.Equal(first.ResultBlobs[0], second.Request.ImageBlob);
    }

    [Fact]
    public async Task Without_any_visible_image_the_bot_answers_with_guidance()
    {
        await using var host = await ExperienceHost.StartAsync();
        var (channel, target) = await SeedAsync(host);
        host.Discord.SimulateMissingMessageContentIntent = true;
        var mention = Mention(host, channel, target, "add a hat", attachmentsVisible: false);

        await host.SendAsync("MESSAGE_CREATE", mention);

        var mentionId = ulong.Parse((string)mention["id"]!);
        await Eventually.WaitUntilAsync(() => host.Discord.MessagesIn(channel.Id).Any(m => m.AuthorIsBot && m.ReferencedMessageId == mentionId), "the guidance");
        var guidance = host.Discord.MessagesIn(channel.Id).Single(m => m.AuthorIsBot && m.ReferencedMessageId == mentionId);
        Assert.Contains("Apps → Edit image", guidance.Content);
        Assert.Contains("Discord:MessageContentIntent", guidance.Content);
    }
}

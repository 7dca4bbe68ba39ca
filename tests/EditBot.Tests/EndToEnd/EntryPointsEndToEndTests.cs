using EditBot.Bot.Delivery;
using System.Globalization;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.EndToEnd;

/// <summary>The other ways in, on the real bot host over the fake gateway: Apps → Edit image, and a reply that mentions the bot.</summary>
public sealed class EntryPointsEndToEndTests
{
    private static ulong Channel => BotHarnessEdits.DefaultChannel;

    [Fact]
    public async Task Edit_image_with_a_mask_uploaded_in_the_modal_threads_results_on_the_target_message()
    {
        await using var bot = await BotHarness.StartAsync();
        var photo = bot.Discord.AddAttachment("room.png", TestImages.Png(128, 128));
        var target = bot.Discord.AddMessage(Channel, "my room", attachments: [photo]);
        var command = new InteractionOrigin();

        await bot.DispatchInteractionAsync(InteractionPayloads.MessageCommand("Edit image", bot.Discord.ToMessageJson(target, fullContent: true), command));
        await Eventually.WaitUntilAsync(() => bot.Discord.GetInteraction(command.Token)?.Modal is not null, "the modal");
        var customId = (string)bot.Discord.GetInteraction(command.Token)!.Modal!["custom_id"]!;
        await bot.DispatchInteractionAsync(InteractionPayloads.ModalSubmit(customId,
            [ModalField.TextInput("prompt", "green walls"), ModalField.FileUpload("mask", bot.Mask(128, 128, half: true))], new InteractionOrigin()));

        var job = await bot.WaitForJobAsync("green walls");
        Assert.Equal(JobState.Done, job.State);
        var sent = bot.Gmi.FindByPrompt("green walls")!;
        Assert.Equal((128, 128), (sent.ImageFacts!.Width, sent.ImageFacts.Height));
        Assert.Equal((128, 128), (sent.MaskFacts!.Width, sent.MaskFacts.Height));
        Assert.True(sent.MaskFacts.IsWhiteAt(0.5, 0.25), "the top half is white (edit)");
        Assert.False(sent.MaskFacts.IsWhiteAt(0.5, 0.75), "the bottom half is black (keep)");
        await Eventually.WaitUntilAsync(() => bot.Discord.GetMessage(target.Id)?.ThreadId is not null, "the thread on the target");
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(bot.Discord.GetMessage(target.Id)!.ThreadId!.Value).Count == 1, "the result in the thread");
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_reply_mentioning_the_bot_works_without_the_message_content_intent_from_the_referenced_message()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.SimulateMissingMessageContentIntent = true; // fetching the replied-to message returns no files
        var (target, mention) = Mention(bot, "add a hat", attachmentsVisible: true);

        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("add a hat")).State);
        var mentionId = ulong.Parse((string)mention["id"]!, CultureInfo.InvariantCulture);
        await Eventually.WaitUntilAsync(() => bot.Discord.GetMessage(mentionId)?.ThreadId is not null, "the thread on the reply");
        Assert.Contains(bot.Discord.MessagesIn(Channel), m => m.AuthorIsBot && m.ReferencedMessageId == mentionId);
        // The referenced message's 200×300 photo is what reached GMI (portrait: 2:3), not some other image.
        var sent = bot.Gmi.FindByPrompt("add a hat")!;
        Assert.Equal(2.0 / 3.0, (double)sent.ImageFacts!.Width / sent.ImageFacts.Height, 2);
        Assert.Equal("1024x1536", sent.Size);
        Assert.NotEqual(target.Id, mentionId);
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_reply_mentioning_the_bot_with_no_visible_image_gets_guidance_and_no_job()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.SimulateMissingMessageContentIntent = true;
        var (_, mention) = Mention(bot, "make it blue", attachmentsVisible: false);

        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        var mentionId = ulong.Parse((string)mention["id"]!, CultureInfo.InvariantCulture);
        await Eventually.WaitUntilAsync(() => bot.Discord.MessagesIn(Channel).Any(m => m.AuthorIsBot && m.ReferencedMessageId == mentionId), "the guidance reply");
        var guidance = bot.Discord.MessagesIn(Channel).Single(m => m.AuthorIsBot && m.ReferencedMessageId == mentionId).Content;
        Assert.Contains("Apps → Edit image", guidance, StringComparison.Ordinal);
        Assert.Contains("Discord:MessageContentIntent", guidance, StringComparison.Ordinal);
        Assert.Empty(await bot.JobsForAsync("make it blue"));
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task With_spoilers_turned_on_by_an_admin_the_results_are_posted_as_spoilers()
    {
        await using var bot = await BotHarness.StartAsync();
        var admin = new InteractionOrigin().AsAdmin();
        await bot.DispatchInteractionAsync(InteractionPayloads.SlashCommand("editbot-admin", admin,
            CommandOption.Subcommand("spoilers", CommandOption.Boolean("enabled", true))));
        await Eventually.WaitUntilAsync(() => bot.InteractionTraffic(admin).Contains("Saved", StringComparison.Ordinal), "the setting to be saved");

        await bot.SlashEditAsync("hidden result", bot.Image());
        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("hidden result")).State);

        var thread = bot.ThreadOf(Channel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the result");
        Assert.All(bot.ResultMessages(thread).SelectMany(m => m.Attachments), a => Assert.StartsWith("SPOILER_", a.Filename, StringComparison.Ordinal));
        // In a result card, the spoiler setting is each gallery item's spoiler flag.
        Assert.All(bot.ResultMessages(thread), m => Assert.True(m.IsComponentsV2));
        Assert.All(bot.ResultMessages(thread).SelectMany(m => m.Components[0]!["components"]![0]!["items"]!.AsArray()), i => Assert.True(i!["spoiler"]!.GetValue<bool>()));
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_mention_uploads_as_much_as_the_servers_interactions_last_allowed()
    {
        // A boosted server: its interactions say 20 MiB, and Discord takes files that large there.
        const long boosted = 20 * 1024 * 1024;
        var large = LargeImages.FifteenMiB();
        await using var bot = await BotHarness.StartAsync();
        bot.Gmi.Media = (_, _) => large;
        bot.Discord.AttachmentSizeLimit = boosted;

        // Before any interaction from the server, nothing says more than Discord's default.
        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", Mention(bot, "first huge moon", attachmentsVisible: true).Mention);
        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("first huge moon")).State);
        var first = Assert.Single(Assert.Single(bot.Discord.Requests, r => r.Files.Count > 0).Files);

        var help = new InteractionOrigin { GuildId = bot.Discord.DefaultGuildId.ToString(CultureInfo.InvariantCulture), AttachmentSizeLimit = boosted };
        // Sent again, as a person would, if the answer missed Discord's 3 s on a loaded machine.
        await bot.PressUntilAnsweredAsync(() => InteractionPayloads.SlashCommand(
            "editbot", help with { InteractionId = TestSnowflakes.Next(), Token = "help-" + Guid.NewGuid().ToString("N") }, CommandOption.Subcommand("help")));
        await Eventually.WaitUntilAsync(
            async () => await bot.Services.GetRequiredService<GuildUploadLimits>().FindAsync(ulong.Parse(help.GuildId!, CultureInfo.InvariantCulture), CancellationToken.None) == boosted,
            "the server's limit to be known");
        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", Mention(bot, "second huge moon", attachmentsVisible: true).Mention);
        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("second huge moon")).State);
        var second = Assert.Single(bot.Discord.Requests.Where(r => r.Files.Count > 0).Skip(1).Single().Files);

        Assert.InRange(first.Bytes.Length, 1, 10 * 1024 * 1024);
        Assert.NotEqual("edit-1.png", first.FileName);
        Assert.Equal("edit-1.png", second.FileName);
        Assert.Equal(large, second.Bytes);
        Assert.Empty(bot.Discord.UploadRefusals);
        bot.Discord.AssertNoContractViolations();
    }

    private static (FakeMessage Target, JsonObject Mention) Mention(BotHarness bot, string prompt, bool attachmentsVisible)
    {
        var photo = bot.Discord.AddAttachment("dog.png", TestImages.Png(200, 300));
        var target = bot.Discord.AddMessage(Channel, "look", attachments: [photo]);
        var stored = bot.Discord.AddMessage(Channel, $"<@{BotHarness.BotId}> {prompt}", authorId: ulong.Parse(DiscordUserSpec.Requester.Id, CultureInfo.InvariantCulture), replyTo: target.Id);
        var mention = MessagePayloads.MentionReplyToImage(prompt, bot.Discord.ToMessageJson(target, fullContent: attachmentsVisible), attachmentsVisible, BotHarness.BotId.ToString(CultureInfo.InvariantCulture));
        mention["id"] = stored.Id.ToString(CultureInfo.InvariantCulture);
        mention["channel_id"] = Channel.ToString(CultureInfo.InvariantCulture);
        return (target, mention);
    }
}

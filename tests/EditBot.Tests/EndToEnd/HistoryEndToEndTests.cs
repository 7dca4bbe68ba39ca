using System.Globalization;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Moderation;
using EditBot.Origin;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// /editbot history, its buttons, and /editbot status's undelivered edits, on the real bot against the fake Discord and
/// GMI: what the person sees (read from the messages the fake holds), pages that survive a restart, Show results with
/// the files that reach Discord, and refusals for anyone but the requester.
/// </summary>
public sealed class HistoryEndToEndTests
{
    private const ulong OtherGuild = 1300000000000000077;
    private const string UserInstallPermissions = "49152";
    private static readonly ulong Requester = ulong.Parse(DiscordUserSpec.Requester.Id, CultureInfo.InvariantCulture);

    [Fact]
    public async Task History_lists_my_edits_newest_first_ten_a_page_with_outcome_cost_and_jump_link_and_pages_after_a_restart()
    {
        await using var bot = await BotHarness.StartAsync();
        var older = await SeedCancelledAsync(bot, 11);
        await bot.SlashEditAsync("a paper boat", bot.Image());
        var job = await bot.WaitForJobAsync("a paper boat");
        Assert.Equal(JobState.Done, job.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the result message");
        var result = bot.ResultMessages(thread)[0];

        var history = await CommandAsync(bot, new InteractionOrigin(), "history");

        Assert.True(history.IsEphemeral);
        Assert.Equal("Page 1 of 2 · newest first", Footer(history));
        var entries = Entries(history);
        Assert.Equal(10, entries.Count);
        var cost = Money.Format(bot.Services.GetRequiredService<CostEstimator>().Estimate(job.Request).TotalUsd); // as the usage report prices it
        Assert.Equal(
            $"**1.** “a paper boat” · <t:{job.CreatedAt.ToUnixTimeSeconds()}:R> · [results ↗](https://discord.com/channels/{InteractionOrigin.DefaultGuildId}/{thread}/{result.Id})\n"
            + $"✅ Done · 1 image · est. {cost}",
            entries[0]);
        Assert.StartsWith($"**2.** “{older[0].Request.Prompt}”", entries[1], StringComparison.Ordinal);
        Assert.Contains("🚫 Cancelled after", entries[1], StringComparison.Ordinal);
        Assert.EndsWith("· no cost", entries[1], StringComparison.Ordinal);
        Assert.Contains($"eb:reroll:{job.Id:N}", CustomIds(history));
        Assert.Contains($"eb:results:{job.Id:N}", CustomIds(history));
        Assert.Equal(["Next"], PageButtons(history));

        // Nothing of the page is in memory: a new process reads it from the button and the store.
        await bot.RestartAsync();
        var second = await TurnPageAsync(bot, history, "Next");
        Assert.Equal("Page 2 of 2 · newest first", Footer(second));
        Assert.Equal([older[9].Request.Prompt, older[10].Request.Prompt], Entries(second).Select(Prompt));
        Assert.Equal(["Previous"], PageButtons(second));

        var first = await TurnPageAsync(bot, second, "Previous");
        Assert.Equal("Page 1 of 2 · newest first", Footer(first));
        Assert.Equal(entries, Entries(first));
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task In_the_bots_DM_history_links_into_the_DM_and_its_Re_roll_answers_and_delivers_there()
    {
        await using var bot = await BotHarness.StartAsync();
        var dm = bot.Discord.AddChannel(type: 1, id: ulong.Parse(InteractionOrigin.DirectMessage.ChannelId, CultureInfo.InvariantCulture));
        await bot.SlashEditAsync("a lighthouse at dusk", bot.Image(), Fresh(InteractionOrigin.DirectMessage));
        var job = await bot.WaitForJobAsync("a lighthouse at dusk");
        Assert.Equal(JobState.Done, job.State);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(dm.Id).Count > 0, "the result in the DM");
        var result = bot.ResultMessages(dm.Id)[0];

        var history = await CommandAsync(bot, InteractionOrigin.DirectMessage, "history");

        Assert.Contains($"[results ↗](https://discord.com/channels/@me/{dm.Id}/{result.Id})", Entries(history)[0], StringComparison.Ordinal);
        var press = await PressAsync(bot, history, $"eb:reroll:{job.Id:N}", InteractionOrigin.DirectMessage);
        var rerolled = await bot.WaitForJobAsync("a lighthouse at dusk", j => j.Id != job.Id && j.IsTerminal);
        Assert.Equal(JobState.Done, rerolled.State);
        Assert.Equal(job.Request.ImageBlob, rerolled.Request.ImageBlob);

        // The press's answer is the progress message, in the DM where it was pressed; the results reply to it there.
        var answer = bot.Discord.GetInteraction(Token(press))!.OriginalMessageId!.Value;
        Assert.Equal(dm.Id, bot.Discord.GetMessage(answer)!.ChannelId);
        Assert.False(bot.Discord.GetMessage(answer)!.IsEphemeral);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(dm.Id).Any(m => m.ReferencedMessageId == answer), "the re-roll's results in the DM");
        Assert.Empty(bot.ResultMessages(BotHarnessEdits.DefaultChannel));
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Show_results_answers_the_requester_alone_with_the_delivered_files_and_refuses_anyone_elses_press()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SlashEditAsync("two kites", bot.Image(), null, CommandOption.Number("count", 2));
        var job = await bot.WaitForJobAsync("two kites");
        Assert.Equal(JobState.Done, job.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the result message");
        var delivered = bot.ResultMessages(thread).SelectMany(m => m.Attachments).ToList();
        var history = await CommandAsync(bot, new InteractionOrigin(), "history");

        var bob = new InteractionOrigin { User = DiscordUserSpec.OtherUser };
        foreach (var button in new[] { $"eb:results:{job.Id:N}", $"eb:reroll:{job.Id:N}" })
        {
            var refused = await AnswerAsync(bot, await PressAsync(bot, history, button, bob));
            Assert.Equal(EditBot.Bot.Entry.JobButtonHandler.RequesterOnlyText, refused.Content);
            Assert.True(refused.IsEphemeral);
            Assert.Empty(refused.Attachments);
        }

        Assert.Single(await bot.JobsForAsync("two kites"));
        var shown = await AnswerAsync(bot, await PressAsync(bot, history, $"eb:results:{job.Id:N}", new InteractionOrigin()));
        Assert.True(shown.IsEphemeral);
        Assert.StartsWith("Results of “two kites”", shown.Content, StringComparison.Ordinal);
        Assert.Equal(
            delivered.Select(a => a.Filename).Order(StringComparer.Ordinal),
            shown.Attachments.Select(a => a.Filename).Order(StringComparer.Ordinal));
        foreach (var file in shown.Attachments.Where(a => !a.Filename.Contains("sheet", StringComparison.Ordinal)))
        {
            Assert.Equal(delivered.Single(a => a.Filename == file.Filename).Bytes, file.Bytes);
        }

        Assert.Contains($"eb:reroll:{job.Id:N}", shown.Components.ToJsonString(), StringComparison.Ordinal);
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task An_edit_Discord_refused_everywhere_is_listed_by_status_with_why_and_Show_results_sends_its_images()
    {
        // A user install where the bot is no member: the answer window closes before the edit ends, and the DMs are closed.
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Bot:InteractionTokenLifetime"] = "00:00:01" });
        bot.Gmi.Duration = _ => TimeSpan.FromSeconds(3);
        bot.Discord.CloseDirectMessages(Requester);
        var channel = bot.Discord.AddChannel(type: 0, guildId: OtherGuild).Id;
        bot.Discord.ForbidChannel(channel);
        var origin = new InteractionOrigin
        {
            GuildId = OtherGuild.ToString(CultureInfo.InvariantCulture), ChannelId = channel.ToString(CultureInfo.InvariantCulture),
            UserInstall = true, AppPermissions = UserInstallPermissions,
        };
        await bot.SlashEditAsync("a refused sunrise", bot.Image(), origin);
        var job = await bot.WaitForJobAsync("a refused sunrise");
        Assert.Equal((JobState.Failed, FailureCode.DeliveryFailed), (job.State, job.Failure!.Code));

        var status = await CommandAsync(bot, origin, "status");

        Assert.StartsWith("You have no edits in progress.", status.Content, StringComparison.Ordinal);
        var embed = Assert.Single(status.Embeds)!.AsObject();
        Assert.Equal("Not delivered", (string?)embed["title"]);
        var listed = (string)embed["description"]!;
        Assert.Contains("“a refused sunrise”", listed, StringComparison.Ordinal);
        Assert.Contains("your DMs are closed to me", listed, StringComparison.Ordinal);
        Assert.Equal($"eb:results:{job.Id:N}", ButtonId(status, "Show results 1"));

        var shown = await AnswerAsync(bot, await PressAsync(bot, status, $"eb:results:{job.Id:N}", origin));
        var stored = await bot.Services.GetRequiredService<IBlobStore>().GetAsync(job.ResultBlobs[0], CancellationToken.None);
        var image = Assert.Single(shown.Attachments);
        Assert.Equal("edit-1.png", image.Filename);
        Assert.Equal(stored!.Content, image.Bytes);
        Assert.True(shown.IsEphemeral);
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Show_results_for_a_user_install_keeps_to_five_follow_ups_and_sends_the_other_parts_to_the_DM_saying_so()
    {
        // Small upload limits leave one or two files per message: eight results take more messages than an answer and the
        // five follow-ups Discord allows where no server install authorized the press.
        const long limit = 6 * 1024, requestLimit = 7 * 1024;
        await using var bot = await SmallUploads.StartAsync(limit, requestLimit);
        var channel = bot.Discord.AddChannel(type: 0, guildId: OtherGuild).Id;
        bot.Discord.ForbidChannel(channel);
        var origin = new InteractionOrigin
        {
            GuildId = OtherGuild.ToString(CultureInfo.InvariantCulture), ChannelId = channel.ToString(CultureInfo.InvariantCulture),
            UserInstall = true, AppPermissions = UserInstallPermissions, AttachmentSizeLimit = limit,
        };
        await bot.SlashEditAsync("eight paper cranes", bot.Image(120, 80), origin, CommandOption.Number("count", 8));
        var job = await bot.WaitForJobAsync("eight paper cranes");
        Assert.Equal(JobState.Done, job.State);
        var dm = bot.Discord.DirectMessageChannelOf(Requester)!;
        var directBefore = bot.ResultMessages(dm.Id).Count;
        var history = await CommandAsync(bot, origin, "history");

        var press = await PressAsync(bot, history, $"eb:results:{job.Id:N}", origin);
        var shown = await AnswerAsync(bot, press);
        await Eventually.WaitUntilAsync(() => bot.Discord.GetMessage(shown.Id)!.Content?.Contains("in your DMs", StringComparison.Ordinal) == true, "the note");

        var interaction = bot.Discord.GetInteraction(Token(press))!;
        Assert.Equal(FakeDiscordServer.MaxUserInstallFollowups, interaction.FollowupMessageIds.Count);
        var direct = bot.ResultMessages(dm.Id).Skip(directBefore).ToList();
        Assert.NotEmpty(direct);
        var parts = 1 + FakeDiscordServer.MaxUserInstallFollowups + direct.Count;
        Assert.StartsWith($"Results of “eight paper cranes”, from part 7 of {parts}", direct[0].Content, StringComparison.Ordinal);
        var answered = interaction.FollowupMessageIds.Select(id => bot.Discord.GetMessage(id)!).Prepend(bot.Discord.GetMessage(shown.Id)!);
        BotHarnessEdits.AssertEachResultOnce(answered.Concat(direct), 8);
        var last = direct.Count == 1 ? "The last part" : $"The last {direct.Count} parts";
        Assert.Contains($"{last} did not fit the 5 messages", bot.Discord.GetMessage(shown.Id)!.Content, StringComparison.Ordinal);
        Assert.NotEmpty(bot.Discord.GetMessage(shown.Id)!.Attachments);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Status == 400);
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Show_results_after_retention_removed_the_images_says_they_are_no_longer_stored_and_sends_no_file()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SlashEditAsync("a faded photo", bot.Image());
        var job = await bot.WaitForJobAsync("a faded photo");
        Assert.Equal(JobState.Done, job.State);
        // Retention's sweep, as if a week had passed: nothing live needs the finished job's images.
        Assert.True(await bot.Services.GetRequiredService<IBlobStore>().PruneAsync(DateTimeOffset.UtcNow.AddDays(8), CancellationToken.None) > 0);
        var history = await CommandAsync(bot, new InteractionOrigin(), "history");

        var answer = await AnswerAsync(bot, await PressAsync(bot, history, $"eb:results:{job.Id:N}", new InteractionOrigin()));

        Assert.Equal("The results of “a faded photo” are no longer stored: I keep images 7 days after their last use.", answer.Content);
        Assert.Empty(answer.Attachments);
        Assert.True(answer.IsEphemeral);
    }

    /// <summary>Cancelled edits of the requester, older than anything the test does next, oldest last.</summary>
    private static async Task<IReadOnlyList<Job>> SeedCancelledAsync(BotHarness bot, int count)
    {
        var store = bot.Services.GetRequiredService<IJobStore>();
        var origin = JobOrigins.ForDiscord(new DiscordOrigin
        {
            UserId = Requester, GuildId = ulong.Parse(InteractionOrigin.DefaultGuildId, CultureInfo.InvariantCulture), ChannelId = BotHarnessEdits.DefaultChannel,
        });
        var jobs = new List<Job>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var at = now.AddMinutes(-10 - i);
            var job = new Job
            {
                Id = Guid.NewGuid(), State = JobState.Cancelled, Origin = origin, CreatedAt = at, UpdatedAt = at, CompletedAt = at.AddSeconds(4),
                Request = new EditRequest($"older edit {i + 1}", "gone", null, "1024x1024", "low", 1),
            };
            jobs.Add(await store.InsertAsync(job, new JobEvent(job.Id, at, JobState.Received, JobState.Cancelled, "seeded"), CancellationToken.None));
        }

        return jobs;
    }

    private static InteractionOrigin Fresh(InteractionOrigin origin) =>
        origin with { InteractionId = TestSnowflakes.Next(), Token = "test-interaction-token-" + Guid.NewGuid().ToString("N") };

    /// <summary>Runs /editbot {subcommand} and returns its answer once it is no longer "thinking".</summary>
    private static async Task<FakeMessage> CommandAsync(BotHarness bot, InteractionOrigin origin, string subcommand) =>
        await AnswerAsync(bot, await bot.PressUntilAnsweredAsync(() => InteractionPayloads.SlashCommand("editbot", Fresh(origin), CommandOption.Subcommand(subcommand))));

    private static Task<JsonObject> PressAsync(BotHarness bot, FakeMessage message, string customId, InteractionOrigin origin) =>
        bot.PressUntilAnsweredAsync(() => InteractionPayloads.ButtonClick(customId, bot.Discord.ToMessageJson(message), Fresh(origin)), message.Id);

    /// <summary>
    /// Presses a page button and returns the history message once the page shown has changed: the bot defers the press
    /// (type 6) and edits the message after reading the page, so the answer alone does not mean the page has turned.
    /// </summary>
    private static async Task<FakeMessage> TurnPageAsync(BotHarness bot, FakeMessage page, string label)
    {
        var before = Footer(page);
        await PressAsync(bot, page, ButtonId(page, label), new InteractionOrigin());
        await Eventually.WaitUntilAsync(() => Footer(bot.Discord.GetMessage(page.Id)!) != before, $"the page after {label}");
        return bot.Discord.GetMessage(page.Id)!;
    }

    /// <summary>The interaction's answer (its own message, or the one its button updated) once no longer deferred.</summary>
    private static async Task<FakeMessage> AnswerAsync(BotHarness bot, JsonObject payload)
    {
        var interaction = bot.Discord.GetInteraction(Token(payload))!;
        await Eventually.WaitUntilAsync(
            () => interaction.OriginalMessageId is { } id && bot.Discord.GetMessage(id) is { } m && (m.Flags & 128) == 0,
            "the answer");
        return bot.Discord.GetMessage(interaction.OriginalMessageId!.Value)!;
    }

    private static string Token(JsonObject payload) => payload["token"]!.GetValue<string>();

    private static string Footer(FakeMessage message) => (string)message.Embeds[0]!["footer"]!["text"]!;

    /// <summary>The entries of a history page, two lines each: "**n.** “prompt” · when · where" and "outcome · cost".</summary>
    private static List<string> Entries(FakeMessage message)
    {
        var lines = ((string)message.Embeds[0]!["description"]!).Split('\n');
        return [.. lines.Chunk(2).Select(pair => string.Join('\n', pair))];
    }

    private static string Prompt(string entry) => entry[(entry.IndexOf('“', StringComparison.Ordinal) + 1)..entry.IndexOf('”', StringComparison.Ordinal)];

    private static List<JsonObject> Buttons(FakeMessage message) =>
        [.. message.Components.OfType<JsonObject>().SelectMany(row => row["components"]!.AsArray().OfType<JsonObject>())];

    private static List<string> CustomIds(FakeMessage message) => [.. Buttons(message).Select(b => (string)b["custom_id"]!)];

    private static List<string> PageButtons(FakeMessage message) =>
        [.. Buttons(message).Where(b => ((string)b["custom_id"]!).StartsWith("eb:page:", StringComparison.Ordinal)).Select(b => (string)b["label"]!)];

    private static string ButtonId(FakeMessage message, string label) => (string)Buttons(message).Single(b => (string?)b["label"] == label)["custom_id"]!;
}

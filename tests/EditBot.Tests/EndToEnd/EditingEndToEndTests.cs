using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Xunit.Abstractions;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// The real bot host (gateway transport) against the fake Discord and the fake GMI queue: what a user does in
/// Discord, what the bot sends back. Every test ends by checking every Discord request body against the OpenAPI spec.
/// </summary>
public sealed class EditingEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Count_4_posts_four_results_in_a_thread_and_a_contact_sheet_on_the_progress_message()
    {
        await using var bot = await BotHarness.StartAsync();

        var origin = await bot.SlashEditAsync("four moons", bot.Image(120, 80), null, CommandOption.Number("count", 4));
        var job = await bot.WaitForJobAsync("four moons");

        Assert.Equal(JobState.Done, job.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Sum(m => m.Attachments.Count) >= 5, "the results in the thread");
        Assert.Equal(5, bot.ResultMessages(thread).Sum(m => m.Attachments.Count)); // contact sheet + 4 results
        await Eventually.WaitUntilAsync(
            () => bot.Discord.Requests.Any(r => r.Method == "PATCH" && r.Path.Contains(origin.Token, StringComparison.Ordinal) && r.Files.Count > 0),
            "the final progress edit carrying the contact sheet");
        Assert.Equal(1, bot.Gmi.SubmissionsFor("four moons"));
        Log(bot);
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Count_10_is_split_across_messages_within_the_file_limits()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.SlashEditAsync("ten suns", bot.Image(), null, CommandOption.Number("count", 10));
        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("ten suns")).State);

        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Sum(m => m.Attachments.Count) >= 11, "all results");
        var messages = bot.ResultMessages(thread);
        Assert.True(messages.Count >= 2, $"{messages.Count} message(s)");
        Assert.All(messages, m => Assert.InRange(m.Attachments.Count, 1, 10));
        Assert.Equal(10, messages.Sum(m => m.Attachments.Count(a => !a.Filename.Contains("sheet", StringComparison.Ordinal))));
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_region_preset_builds_the_mask_sent_to_the_api()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.SlashEditAsync("region top", bot.Image(100, 100), null, CommandOption.Text("region", "top"));

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("region top")).State);
        var sent = bot.Gmi.FindByPrompt("region top")!;
        Assert.Equal((sent.ImageFacts!.Width, sent.ImageFacts.Height), (sent.MaskFacts!.Width, sent.MaskFacts.Height));
        Assert.True(sent.MaskFacts.IsWhiteAt(0.5, 0.25), "the top half is white (edit)");
        Assert.False(sent.MaskFacts.IsWhiteAt(0.5, 0.75), "the bottom half is black (keep)");
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task An_uploaded_mask_is_sent_with_the_image()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.SlashEditAsync("uploaded mask", bot.Image(100, 100), null, CommandOption.File("mask", bot.Mask(200, 200, half: true)));

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("uploaded mask")).State);
        // The 200x200 mask (white top half) reaches GMI scaled to the image's 100x100, polarity kept.
        var sent = bot.Gmi.FindByPrompt("uploaded mask")!;
        Assert.Equal((100, 100), (sent.MaskFacts!.Width, sent.MaskFacts.Height));
        Assert.Equal((100, 100), (sent.ImageFacts!.Width, sent.ImageFacts.Height));
        Assert.True(sent.MaskFacts.IsWhiteAt(0.5, 0.25), "the top half is white (edit)");
        Assert.False(sent.MaskFacts.IsWhiteAt(0.5, 0.75), "the bottom half is black (keep)");
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Invoked_inside_a_thread_the_results_go_to_that_thread()
    {
        await using var bot = await BotHarness.StartAsync();
        var thread = bot.Discord.AddChannel(type: 11, parentId: BotHarnessEdits.DefaultChannel);
        var origin = new InteractionOrigin { ChannelId = thread.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ChannelType = 11, ParentChannelId = InteractionOrigin.DefaultChannelId };

        await bot.SlashEditAsync("in a thread", bot.Image(), origin);
        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("in a thread")).State);

        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread.Id).Count > 0, "results in the invoking thread");
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal));
        bot.Discord.AssertNoContractViolations();
    }

    [Theory]
    [InlineData("not-an-image", "PNG, JPEG, WebP")]
    [InlineData("mask-aspect", "100x100")]
    [InlineData("mask-black", "mask")]
    [InlineData("bad-box", "box must be x,y,w,h")]
    public async Task Bad_input_gets_an_ephemeral_message_saying_what_to_do_and_no_job(string kind, string expected)
    {
        await using var bot = await BotHarness.StartAsync();
        var image = kind == "not-an-image" ? bot.File("notes.png", "just text"u8.ToArray()) : bot.Image(100, 100);
        CommandOption[] extra = kind switch
        {
            "mask-aspect" => [CommandOption.File("mask", bot.Mask(300, 100, half: true))],
            "mask-black" => [CommandOption.File("mask", bot.Mask(100, 100, half: false))],
            "bad-box" => [CommandOption.Text("box", "90,90,50,50")],
            _ => [],
        };

        var origin = await bot.SlashEditAsync($"refused {kind}", image, null, extra);
        await Eventually.WaitUntilAsync(() => bot.InteractionTraffic(origin).Contains(expected, StringComparison.Ordinal), $"the refusal naming '{expected}'");

        Assert.Contains("\"flags\":64", bot.InteractionTraffic(origin), StringComparison.Ordinal);
        Assert.Empty(await bot.JobsForAsync($"refused {kind}"));
        Assert.Equal(0, bot.Gmi.SubmitAttempts);
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Over_the_per_user_queue_limit_the_request_is_refused_with_the_numbers()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Bot:MaxQueuedPerUser"] = "1", ["Bot:MaxRunningPerUser"] = "1" });
        bot.Gmi.Duration = _ => TimeSpan.FromSeconds(30);

        await bot.SlashEditAsync("first", bot.Image());
        await bot.WaitForJobAsync("first", j => j.State == JobState.Polling);
        await bot.SlashEditAsync("second", bot.Image());
        await bot.WaitForJobAsync("second", j => j.State is JobState.Queued or JobState.Polling or JobState.Submitted);
        var third = await bot.SlashEditAsync("third", bot.Image());

        await Eventually.WaitUntilAsync(() => bot.InteractionTraffic(third).Contains("flags\":64", StringComparison.Ordinal), "the limit refusal");
        Assert.Contains("You already have 1 edit waiting in line (at most 1 per person). Wait for one to start, or cancel one with `/editbot cancel`.", bot.InteractionTraffic(third).Replace("\\u0060", "`", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await bot.JobsForAsync("third"));
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_users_second_edit_waits_while_the_first_runs_at_the_running_limit()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Bot:MaxRunningPerUser"] = "1" });
        bot.Gmi.Duration = _ => TimeSpan.FromSeconds(2);

        await bot.SlashEditAsync("runs first", bot.Image());
        await bot.WaitForJobAsync("runs first", j => j.State == JobState.Polling);
        await bot.SlashEditAsync("waits its turn", bot.Image());

        var first = await bot.WaitForJobAsync("runs first");
        var second = await bot.WaitForJobAsync("waits its turn");
        Assert.Equal((JobState.Done, JobState.Done), (first.State, second.State));
        // At GMI: the second edit was submitted only after the first one's last status poll (the one that saw it finish).
        var wire = bot.Gmi.Log.ToList();
        var submits = wire.Select((e, i) => (e, i)).Where(x => x.e.Method == "POST" && x.e.PathAndQuery.EndsWith("/requests", StringComparison.Ordinal)).Select(x => x.i).ToList();
        var firstPolls = wire.Select((e, i) => (e, i)).Where(x => x.e.Method == "GET" && x.e.PathAndQuery.Contains("/requests/" + first.RemoteRequestId, StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.Equal(2, submits.Count);
        Assert.True(submits[1] > firstPolls.Max(), $"second submit at #{submits[1]}, first's last poll at #{firstPolls.Max()}");
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task After_a_restart_mid_job_the_job_completes_and_its_buttons_still_work()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Gmi.Duration = _ => TimeSpan.FromSeconds(3);
        var origin = await bot.SlashEditAsync("survives restart", bot.Image());
        await bot.WaitForJobAsync("survives restart", j => j.State == JobState.Polling);

        await bot.RestartAsync();
        var job = await bot.WaitForJobAsync("survives restart");
        Assert.Equal(JobState.Done, job.State);
        Assert.Equal(1, bot.Gmi.SubmissionsFor("survives restart"));

        // A second restart, then press Re-roll on the result message: state comes from the store, not memory.
        await bot.RestartAsync();
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the result message");
        var result = bot.ResultMessages(thread).First(m => m.Components.ToJsonString().Contains("eb:reroll:", StringComparison.Ordinal));
        var click = origin with { InteractionId = TestSnowflakes.Next(), Token = "reroll-" + Guid.NewGuid().ToString("N"), ChannelId = thread.ToString(System.Globalization.CultureInfo.InvariantCulture), ChannelType = 11 };
        await bot.DispatchInteractionAsync(InteractionPayloads.ButtonClick($"eb:reroll:{job.Id:N}", bot.Discord.ToMessageJson(result), click), result.Id);

        await bot.WaitForJobAsync("survives restart", j => j.Id != job.Id);
        var jobs = await bot.JobsForAsync("survives restart");
        Assert.All(jobs, j => Assert.Equal(job.Request.ImageBlob, j.Request.ImageBlob));
        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("survives restart", j => j.Id != job.Id && j.IsTerminal)).State);
        bot.Discord.AssertNoContractViolations();
    }

    private void Log(BotHarness bot) =>
        output.WriteLine(string.Join("\n", bot.Discord.Requests.Select(r => $"{r.Method} {r.RouteKey ?? "?"} {r.Status}")));
}

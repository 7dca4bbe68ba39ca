using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Moderation.Discord;
using EditBot.Moderation;
using EditBot.Tests.Moderation.Discord.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Moderation.Discord;

/// <summary>The moderation policy in the real bot, against the fake Discord and the fake GMI queue.</summary>
public sealed class ModerationEndToEndTests
{
    [Fact]
    public async Task Admin_command_is_registered_and_a_member_without_Manage_Server_is_refused()
    {
        await using var bot = await ModerationBot.StartAsync();
        await Eventually.WaitUntilAsync(() => bot.Discord.Commands().Any(c => (string?)c["name"] == AdminCommandDefinition.Name), "/editbot-admin to be registered", ModerationBot.Patience);
        var registered = bot.Discord.Commands().Single(c => (string?)c["name"] == AdminCommandDefinition.Name);
        Assert.Equal("32", (string?)registered["default_member_permissions"]);

        var answer = await bot.AdminAsync(ModerationBot.Member, Option.SubcommandGroup("limits", Option.Subcommand("user-daily", Option.Number("edits", 0))));

        Assert.Equal(AdminCommandHandler.NotAllowed, answer);
        var settings = await bot.Harness.Services.GetRequiredService<GuildSettingsStore>().GetAsync(ModerationBot.Guild, CancellationToken.None);
        Assert.Null(settings.UserDailyEditLimit);
    }

    [Fact]
    public async Task A_setting_takes_effect_at_once_and_a_blocklisted_prompt_is_refused_at_intake()
    {
        await using var bot = await ModerationBot.StartAsync();
        Assert.Null(await bot.RefusalOfAsync(await bot.EditAsync("a red hat")));

        var saved = await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("blocklist", Option.Subcommand("add", Option.Text("pattern", "gore"))));
        Assert.StartsWith("Saved. Blocked word `gore`.", saved, StringComparison.Ordinal);

        foreach (var evasion in new[] { "lots of G O R E please", "g.o.r.e", "GoRe", "g\u043Ere with a Cyrillic o" })
        {
            Assert.Contains("gore", await bot.RefusalOfAsync(await bot.EditAsync(evasion)), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Null(await bot.RefusalOfAsync(await bot.EditAsync("a gorgeous sunset")));
    }

    [Fact]
    public async Task The_servers_default_size_and_quality_apply_to_edits_that_name_none()
    {
        await using var bot = await ModerationBot.StartAsync();
        await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("defaults", Option.Subcommand("size", Option.Text(AdminOptions.Size, "1024x1536"))));
        await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("defaults", Option.Subcommand("quality", Option.Text(AdminOptions.Quality, "low"))));

        var payload = InteractionPayloads.SlashCommand("edit", ModerationBot.Fresh(ModerationBot.Member),
            Option.File("image", bot.Harness.Image(120, 80)), Option.Text("prompt", "server defaults"));
        await bot.Harness.DispatchInteractionAsync(payload);
        await Eventually.WaitUntilAsync(() => Task.FromResult(bot.Harness.Gmi.FindByPrompt("server defaults") is not null), "the submission", ModerationBot.Patience);

        var sent = bot.Harness.Gmi.FindByPrompt("server defaults")!;
        Assert.Equal(("1024x1536", "low"), (sent.Size, sent.Quality)); // a 3:2 image would be 1536x1024 by auto
    }

    [Fact]
    public async Task Budget_exhausted_mid_day_refuses_the_next_edit_with_the_numbers()
    {
        await using var bot = await ModerationBot.StartAsync();
        await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("limits", Option.Subcommand("budget", new Option("dollars", 10, System.Text.Json.Nodes.JsonValue.Create(0.3), [], null))));

        Assert.Null(await bot.RefusalOfAsync(await bot.EditAsync("first edit")));
        var refusal = await bot.RefusalOfAsync(await bot.EditAsync("second edit"));

        Assert.StartsWith("Daily budget reached: $0.17 of $0.30 spent, this edit would cost $0.17; resets at 00:00 UTC", refusal, StringComparison.Ordinal);
        Assert.Null(await bot.RefusalOfAsync(await bot.EditAsync("a cheap one", quality: "low")));
    }

    [Fact]
    public async Task Review_approve_queues_the_job_and_it_runs_to_the_end()
    {
        await using var bot = await ModerationBot.StartAsync();
        var review = bot.Discord.AddChannel(guildId: ModerationBot.Guild);
        await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("review", Option.Subcommand("on", ChannelOption(review.Id))));

        Assert.Null(await bot.RefusalOfAsync(await bot.EditAsync("paint the door blue")));
        await Eventually.WaitUntilAsync(() => bot.Discord.MessagesIn(review.Id).Count == 1, "the review post", ModerationBot.Patience);
        var post = bot.Discord.MessagesIn(review.Id)[0];
        var job = await WaitingJobAsync(bot);

        await bot.PressAsync($"eb:approve:{job.Id:N}", post, ModerationBot.Member);
        Assert.Equal(JobState.AwaitingApproval, (await JobAsync(bot, job.Id)).State);

        await bot.PressAsync($"eb:approve:{job.Id:N}", post, ModerationBot.Admin);
        await Eventually.WaitUntilAsync(async () => (await JobAsync(bot, job.Id)).State == JobState.Done, "the approved job to finish", ModerationBot.Patience);
        Assert.Contains("**Approved**", bot.Discord.MessagesIn(review.Id)[0].Content, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.MessagesIn(review.Id)[0].Components);
    }

    [Fact]
    public async Task Review_reject_with_a_reason_tells_the_requester_and_nothing_is_submitted()
    {
        await using var bot = await ModerationBot.StartAsync();
        var review = bot.Discord.AddChannel(guildId: ModerationBot.Guild);
        await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("review", Option.Subcommand("on", ChannelOption(review.Id))));
        var edit = await bot.EditAsync("paint the door red");
        await bot.RefusalOfAsync(edit);
        await Eventually.WaitUntilAsync(() => bot.Discord.MessagesIn(review.Id).Count == 1, "the review post", ModerationBot.Patience);
        var job = await WaitingJobAsync(bot);

        var press = await bot.PressAsync($"eb:reject:{job.Id:N}", bot.Discord.MessagesIn(review.Id)[0], ModerationBot.Admin);
        Assert.NotNull(bot.Discord.GetInteraction(press["token"]!.GetValue<string>())!.Modal);
        var submit = InteractionPayloads.ModalSubmit($"eb:rejectwhy:{job.Id:N}", [ModalField.TextInput("reason", "wrong channel")], ModerationBot.Fresh(ModerationBot.Admin));
        await bot.Harness.DispatchInteractionAsync(submit, bot.Discord.MessagesIn(review.Id)[0].Id);

        await Eventually.WaitUntilAsync(async () => (await JobAsync(bot, job.Id)).State == JobState.Rejected, "the rejection", ModerationBot.Patience);
        var requesterToken = edit["token"]!.GetValue<string>();
        await Eventually.WaitUntilAsync(
            () => bot.Discord.GetInteraction(requesterToken)!.FollowupMessageIds.Any(id => bot.Discord.GetMessage(id)!.Content.Contains("wrong channel", StringComparison.Ordinal)),
            "the requester to hear why", ModerationBot.Patience);
        Assert.Equal(0, bot.Harness.Gmi.SubmissionsFor("paint the door red"));
    }

    [Fact]
    public async Task An_unreviewed_request_expires_and_the_requester_is_told()
    {
        var clock = new OffsetTimeProvider();
        await using var bot = await ModerationBot.StartAsync(s => s.AddSingleton<TimeProvider>(clock));
        var review = bot.Discord.AddChannel(guildId: ModerationBot.Guild);
        await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("review", Option.Subcommand("on", ChannelOption(review.Id), new Option("expiry-hours", 10, System.Text.Json.Nodes.JsonValue.Create(2), [], null))));
        await bot.RefusalOfAsync(await bot.EditAsync("a green door"));
        var job = await WaitingJobAsync(bot);
        await Eventually.WaitUntilAsync(async () => await bot.Harness.Services.GetRequiredService<ReviewPostStore>().GetAsync(job.Id, CancellationToken.None) is not null, "the review post", ModerationBot.Patience);

        clock.Advance(TimeSpan.FromHours(2));
        await bot.Harness.Services.GetRequiredService<ExpiredReviewSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(JobState.Rejected, (await JobAsync(bot, job.Id)).State);
        Assert.Contains("⌛ **Expired**", bot.Discord.MessagesIn(review.Id)[0].Content, StringComparison.Ordinal);
        // The interaction token is two hours old: the requester hears in the channel.
        Assert.Contains(bot.Discord.MessagesIn(ModerationBot.Channel), m => m.Content.Contains("nobody reviewed it within 2 h", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cost_estimates_use_the_models_listed_price_once_read_at_start()
    {
        await using var bot = await ModerationBot.StartAsync(loadModelPrice: true);
        var costs = bot.Harness.Services.GetRequiredService<CostEstimator>();
        await Eventually.WaitUntilAsync(() => costs.ModelPrice is not null, "the model price", ModerationBot.Patience);
        Assert.Equal(0.04m, costs.Estimate("high", "1024x1024", 2).PerImageUsd);
        Assert.Equal(CostSource.ModelPriceInfo, costs.Estimate("low", "1024x1024", 1).Source);
    }

    private static Option ChannelOption(ulong id) => new("channel", 7, System.Text.Json.Nodes.JsonValue.Create(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), [], null);

    private static async Task<Job> JobAsync(ModerationBot bot, Guid id) =>
        (await bot.Harness.Services.GetRequiredService<IJobStore>().GetAsync(id, CancellationToken.None))!;

    private static async Task<Job> WaitingJobAsync(ModerationBot bot)
    {
        var store = bot.Harness.Services.GetRequiredService<IJobStore>();
        Job? job = null;
        await Eventually.WaitUntilAsync(
            async () => (job = (await store.ListAsync(new JobQuery { States = [JobState.AwaitingApproval] }, CancellationToken.None)) is [var first, ..] ? first : null) is not null,
            "a job waiting for review", ModerationBot.Patience);
        return job!;
    }
}

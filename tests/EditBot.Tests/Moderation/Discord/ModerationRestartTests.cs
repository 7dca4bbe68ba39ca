using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Moderation.Discord;
using EditBot.Tests.Moderation.Discord.Support;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Moderation.Discord;

/// <summary>Rules changing under a waiting request, and settings and review posts that outlive the process.</summary>
public sealed class ModerationRestartTests
{
    [Fact]
    public async Task A_rule_added_while_a_request_waits_for_review_stops_it_before_submission()
    {
        await using var bot = await ModerationBot.StartAsync();
        var review = await ReviewOnAsync(bot);
        await bot.RefusalOfAsync(await bot.EditAsync("a purple castle"));
        var job = await WaitingJobAsync(bot);
        await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("blocklist", Option.Subcommand("add", Option.Text("pattern", "castle"))));

        await bot.PressAsync($"eb:approve:{job.Id:N}", bot.Discord.MessagesIn(review)[0], ModerationBot.Admin);

        await Eventually.WaitUntilAsync(async () => (await JobAsync(bot, job.Id)).State == JobState.Failed, "the job to be refused before submission", ModerationBot.Patience);
        Assert.Equal(FailureCode.PolicyRefused, (await JobAsync(bot, job.Id)).Failure!.Code);
        Assert.Equal(0, bot.Harness.Gmi.SubmissionsFor("a purple castle"));
    }

    [Fact]
    public async Task Settings_and_a_pending_review_survive_a_restart()
    {
        await using var bot = await ModerationBot.StartAsync();
        var review = await ReviewOnAsync(bot);
        await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("blocklist", Option.Subcommand("add", Option.Text("pattern", "gore"))));
        await bot.RefusalOfAsync(await bot.EditAsync("a yellow boat"));
        var job = await WaitingJobAsync(bot);
        await Eventually.WaitUntilAsync(async () => await bot.Harness.Services.GetRequiredService<ReviewPostStore>().GetAsync(job.Id, CancellationToken.None) is not null, "the review post", ModerationBot.Patience);

        await bot.RestartAsync(new Dictionary<string, string> { ["Moderation:Discord:LoadModelPrice"] = "false" });
        Assert.True(bot.HostRegistersModeration, "The host must call services.AddEditBotModerationDiscord(configuration) after AddEditBotExperience (BotRegistration.AddEditBotBot), so a restarted bot has moderation.");

        Assert.Contains("gore", await bot.RefusalOfAsync(await bot.EditAsync("more gore")), StringComparison.OrdinalIgnoreCase);
        await bot.PressAsync($"eb:approve:{job.Id:N}", bot.Discord.MessagesIn(review)[0], ModerationBot.Admin);
        await Eventually.WaitUntilAsync(async () => (await JobAsync(bot, job.Id)).State == JobState.Done, "the approved job to finish after the restart", ModerationBot.Patience);
        Assert.Contains("**Approved**", bot.Discord.MessagesIn(review)[0].Content, StringComparison.Ordinal);
    }

    private static async Task<ulong> ReviewOnAsync(ModerationBot bot)
    {
        var review = bot.Discord.AddChannel(guildId: ModerationBot.Guild);
        var channel = new Option("channel", 7, System.Text.Json.Nodes.JsonValue.Create(review.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), [], null);
        Assert.StartsWith("Saved. Review: on.", await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("review", Option.Subcommand("on", channel))), StringComparison.Ordinal);
        return review.Id;
    }

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

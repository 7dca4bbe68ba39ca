using System.Globalization;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Tests.Moderation.Discord.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Moderation.Discord;

/// <summary>
/// Limits and budgets hold when requests arrive together, and wherever they come from (servers, DMs, a result's
/// buttons), in the real bot. Counted where it costs: submissions that reached the fake GMI.
/// The races run on SQLite (the in-process admission lock) and on PostgreSQL (the database's advisory lock).
/// </summary>
public sealed class AtomicLimitsEndToEndTests(PostgresForBots postgres) : IClassFixture<PostgresForBots>
{
    // Old code: each request read usage, found nothing spent, and only then stored its job: all five were queued
    // and the submission check (also count-then-write) let more than one through to GMI.
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task One_member_with_a_daily_limit_of_one_sending_five_edits_at_once_gets_exactly_one_submission(string store)
    {
        await using var bot = await StartOnAsync(store);
        await SaveAsync(bot, Group("limits", "user-daily", Option.Number("edits", 1)));

        var payloads = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => bot.EditAsync($"burst {i}")));
        var refusals = await Task.WhenAll(payloads.Select(bot.RefusalOfAsync));

        Assert.Single(refusals, r => r is null);
        Assert.All(refusals.Where(r => r is not null), r => Assert.StartsWith("Daily limit reached: 1/1 edits", r, StringComparison.Ordinal));
        var accepted = Enumerable.Range(0, 5).Single(i => refusals[i] is null);
        Assert.Equal(JobState.Done, (await bot.Harness.WaitForJobAsync($"burst {accepted}", timeout: ModerationBot.Patience)).State);
        Assert.Equal(1, bot.Harness.Gmi.Requests.Count(r => r.Prompt.StartsWith("burst ", StringComparison.Ordinal)));
    }

    // Old code: twenty members each saw $0 spent and were all queued; GMI received more than four.
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Twenty_members_at_once_against_a_budget_that_covers_four_get_at_most_four(string store)
    {
        await using var bot = await StartOnAsync(store);
        // A 3:2 image at high quality is estimated at $0.165: four fit in $0.70, five do not.
        await SaveAsync(bot, Group("limits", "budget", new Option("dollars", 10, System.Text.Json.Nodes.JsonValue.Create(0.7), [], null)));
        var members = Enumerable.Range(0, 20)
            .Select(i => ModerationBot.Member with { User = new DiscordUserSpec((1400000000000000100UL + (ulong)i).ToString(CultureInfo.InvariantCulture), $"member{i}") })
            .ToList();

        var payloads = await Task.WhenAll(members.Select((m, i) => bot.EditAsync($"crowd {i}", m)));
        var refusals = await Task.WhenAll(payloads.Select(bot.RefusalOfAsync));

        Assert.Equal(4, refusals.Count(r => r is null));
        Assert.All(refusals.Where(r => r is not null), r => Assert.StartsWith("Daily budget reached", r, StringComparison.Ordinal));
        foreach (var i in Enumerable.Range(0, 20).Where(i => refusals[i] is null))
        {
            Assert.Equal(JobState.Done, (await bot.Harness.WaitForJobAsync($"crowd {i}", timeout: ModerationBot.Patience)).State);
        }

        Assert.Equal(4, bot.Harness.Gmi.Requests.Count(r => r.Prompt.StartsWith("crowd ", StringComparison.Ordinal)));
    }

    // Old code: a button pressed in a DM skipped every rule (the request had no server), so the re-roll of a server's
    // result was a free second edit: 2 submissions against a limit of 1. Pressed in the server it was counted already.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_results_reroll_counts_against_the_servers_daily_limit_even_when_pressed_in_a_dm(bool inDm)
    {
        await using var bot = await ModerationBot.StartAsync();
        await SaveAsync(bot, Group("limits", "user-daily", Option.Number("edits", 1)));
        Assert.Null(await bot.RefusalOfAsync(await bot.EditAsync("roll again")));
        var job = await bot.Harness.WaitForJobAsync("roll again", timeout: ModerationBot.Patience);
        Assert.Equal(JobState.Done, job.State);
        var thread = bot.Harness.ThreadOf(ModerationBot.Channel);
        await Eventually.WaitUntilAsync(() => bot.Harness.ResultMessages(thread).Count > 0, "the result message", ModerationBot.Patience);
        var result = bot.Harness.ResultMessages(thread).First(m => m.Components.ToJsonString().Contains("eb:reroll:", StringComparison.Ordinal));
        var where = inDm
            ? InteractionOrigin.DirectMessage
            : ModerationBot.Member with { ChannelId = thread.ToString(CultureInfo.InvariantCulture), ChannelType = 11 };

        var press = await bot.PressUntilAnsweredAsync(() => InteractionPayloads.ButtonClick($"eb:reroll:{job.Id:N}", bot.Discord.ToMessageJson(result), ModerationBot.Fresh(where)), result.Id);

        Assert.StartsWith("Daily limit reached: 1/1 edits", await bot.RefusalOfAsync(press), StringComparison.Ordinal);
        Assert.Equal(1, bot.Harness.Gmi.SubmissionsFor("roll again"));
    }

    // Old code: a DM /edit met no rule at all (and Moderation:DirectMessages did not exist): accepted and downloaded.
    [Fact]
    public async Task Direct_messages_denied_by_the_operator_refuse_a_dm_edit_before_any_download_and_allow_one_in_a_server()
    {
        await using var bot = await ModerationBot.StartAsync(configuration: new Dictionary<string, string> { ["Moderation:DirectMessages"] = "Deny" });
        var fetches = bot.Discord.AttachmentFetches;

        var refusal = await bot.RefusalOfAsync(await bot.EditAsync("in a dm", InteractionOrigin.DirectMessage));

        Assert.Equal("Edits are not available in direct messages with this bot; use it in a server.", refusal);
        Assert.Equal(fetches, bot.Discord.AttachmentFetches);
        Assert.Null(await bot.RefusalOfAsync(await bot.EditAsync("in the server")));
    }

    // Review of issue 10: a button pressed in a DM inherited its source job's server and was checked as a request in
    // that server, so Moderation:DirectMessages=Deny let a DM re-roll through (old code: accepted, 2 submissions).
    [Fact]
    public async Task Direct_messages_denied_by_the_operator_also_refuse_a_servers_result_rerolled_from_a_dm()
    {
        await using var bot = await ModerationBot.StartAsync(configuration: new Dictionary<string, string> { ["Moderation:DirectMessages"] = "Deny" });
        Assert.Null(await bot.RefusalOfAsync(await bot.EditAsync("roll from a dm")));
        var job = await bot.Harness.WaitForJobAsync("roll from a dm", timeout: ModerationBot.Patience);
        Assert.Equal(JobState.Done, job.State);
        var thread = bot.Harness.ThreadOf(ModerationBot.Channel);
        await Eventually.WaitUntilAsync(() => bot.Harness.ResultMessages(thread).Count > 0, "the result message", ModerationBot.Patience);
        var result = bot.Harness.ResultMessages(thread).First(m => m.Components.ToJsonString().Contains("eb:reroll:", StringComparison.Ordinal));

        var press = await bot.PressUntilAnsweredAsync(() => InteractionPayloads.ButtonClick($"eb:reroll:{job.Id:N}", bot.Discord.ToMessageJson(result), ModerationBot.Fresh(InteractionOrigin.DirectMessage)), result.Id);

        Assert.Equal("Edits are not available in direct messages with this bot; use it in a server.", await bot.RefusalOfAsync(press));
        Assert.Equal(1, bot.Harness.Gmi.SubmissionsFor("roll from a dm"));
    }

    // Old code: no operator-wide limit existed; the DM edit was accepted after the server one.
    [Fact]
    public async Task The_global_per_user_limit_counts_a_server_edit_against_a_later_dm_edit()
    {
        await using var bot = await ModerationBot.StartAsync(configuration: new Dictionary<string, string> { ["Moderation:GlobalDailyEditsPerUser"] = "1" });

        Assert.Null(await bot.RefusalOfAsync(await bot.EditAsync("first, in the server")));
        var refusal = await bot.RefusalOfAsync(await bot.EditAsync("second, in a dm", InteractionOrigin.DirectMessage));

        Assert.StartsWith("Daily limit reached: 1/1 edits across every server and DM", refusal, StringComparison.Ordinal);
        Assert.Equal(0, bot.Harness.Gmi.SubmissionsFor("second, in a dm"));
    }

    // Old code: the channel rule was checked only after the image had been downloaded and decoded.
    [Fact]
    public async Task A_request_in_a_denied_channel_is_refused_before_its_image_is_downloaded()
    {
        await using var bot = await ModerationBot.StartAsync();
        await SaveAsync(bot, Group("channels", "deny", new Option("channel", 7, System.Text.Json.Nodes.JsonValue.Create(ModerationBot.Channel.ToString(CultureInfo.InvariantCulture)), [], null)));
        var fetches = bot.Discord.AttachmentFetches;

        var refusal = await bot.RefusalOfAsync(await bot.EditAsync("not here"));

        Assert.StartsWith("Edits are not allowed in this channel", refusal, StringComparison.Ordinal);
        Assert.Equal(fetches, bot.Discord.AttachmentFetches);
    }

    /// <summary>The bot on <paramref name="store"/> ("Sqlite" or "Postgres"), checked to be running on it.</summary>
    private async Task<ModerationBot> StartOnAsync(string store)
    {
        var bot = await ModerationBot.StartAsync(configuration: await postgres.SettingsAsync(store));
        Assert.StartsWith(store, bot.Harness.Services.GetRequiredService<IJobStore>().GetType().Name, StringComparison.Ordinal);
        return bot;
    }

    private static async Task SaveAsync(ModerationBot bot, Option setting) =>
        Assert.StartsWith("Saved.", await bot.AdminAsync(ModerationBot.Admin, setting), StringComparison.Ordinal);

    private static Option Group(string group, string sub, params Option[] options) => Option.SubcommandGroup(group, Option.Subcommand(sub, options));
}

using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// A private edit that outlives its interaction token (ephemeral follow-ups need it) is delivered in the requester's
/// DMs, with a line saying why, and nothing of it appears in the server's channel.
/// </summary>
public sealed class DirectMessageDeliveryEndToEndTests
{
    [Fact]
    public async Task A_private_edit_that_outlives_its_token_arrives_in_the_requesters_dms_and_not_in_the_channel()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Bot:InteractionTokenLifetime"] = "00:00:01" });
        bot.Gmi.Duration = _ => TimeSpan.FromSeconds(2); // longer than the token lives

        await bot.SlashEditAsync("private and slow", bot.Image(), null, CommandOption.Boolean("private", true));
        var job = await bot.WaitForJobAsync("private and slow");

        Assert.Equal(JobState.Done, job.State);
        var dm = bot.Discord.DirectMessageChannelOf(ulong.Parse(DiscordUserSpec.Requester.Id, System.Globalization.CultureInfo.InvariantCulture))!;
        var delivered = Assert.Single(bot.ResultMessages(dm.Id));
        Assert.Contains("took longer than Discord lets me answer privately", delivered.Text, StringComparison.Ordinal);
        Assert.Empty(bot.ResultMessages(BotHarnessEdits.DefaultChannel));
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Method == "POST" && r.Path.Contains($"/channels/{BotHarnessEdits.DefaultChannel}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_dms_closed_too_the_job_ends_after_one_refused_post_saying_why()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Bot:InteractionTokenLifetime"] = "00:00:01" });
        bot.Gmi.Duration = _ => TimeSpan.FromSeconds(2);
        bot.Discord.CloseDirectMessages(ulong.Parse(DiscordUserSpec.Requester.Id, System.Globalization.CultureInfo.InvariantCulture));

        await bot.SlashEditAsync("private, dms closed", bot.Image(), null, CommandOption.Boolean("private", true));
        var job = await bot.WaitForJobAsync("private, dms closed");

        // A closed DM is final: one refused post, not one per retry (each counts against Discord's invalid-request limit).
        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("your DMs are closed to me", job.Failure!.Message, StringComparison.Ordinal);
        Assert.Single(bot.Discord.Requests, r => r.Status == 403);
        Assert.Empty(bot.ResultMessages(BotHarnessEdits.DefaultChannel));
    }
}

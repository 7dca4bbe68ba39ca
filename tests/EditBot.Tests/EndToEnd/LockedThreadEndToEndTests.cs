using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport;

namespace EditBot.Tests.EndToEnd;

/// <summary>Edits invoked in a thread that a moderator (or Discord's inactivity timer) closed while the edit ran.</summary>
public sealed class LockedThreadEndToEndTests
{
    [Fact]
    public async Task When_the_invoking_thread_is_locked_the_results_go_to_its_parent_channel_with_a_note()
    {
        await using var bot = await BotHarness.StartAsync();
        var (thread, origin) = InThread(bot);
        thread.Locked = true; // a moderator locked it while the edit ran

        await bot.SlashEditAsync("in a locked thread", bot.Image(), origin);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(BotHarnessEdits.DefaultChannel).Count > 0, "results in the parent channel");

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("in a locked thread")).State);
        var posted = Assert.Single(bot.ResultMessages(BotHarnessEdits.DefaultChannel));
        Assert.Contains("locked", posted.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Single(bot.Discord.Requests, r => r.Status == 403); // the locked thread is tried once, never again
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task When_the_invoking_thread_is_archived_but_not_locked_the_results_reopen_it()
    {
        await using var bot = await BotHarness.StartAsync();
        var (thread, origin) = InThread(bot);
        bot.Discord.ArchiveThread(thread.Id); // it went quiet (or a moderator archived it) while the edit ran

        await bot.SlashEditAsync("in an archived thread", bot.Image(), origin);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread.Id).Count > 0, "results in the thread");

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("in an archived thread")).State);
        Assert.False(thread.Archived); // the post reopened it, as on Discord
        Assert.Empty(bot.ResultMessages(BotHarnessEdits.DefaultChannel)); // not diverted to the parent as a locked thread is
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Status >= 400);
        bot.Discord.AssertNoContractViolations();
    }

    private static (FakeChannel Thread, InteractionOrigin Origin) InThread(BotHarness bot)
    {
        var thread = bot.Discord.AddChannel(type: 11, parentId: BotHarnessEdits.DefaultChannel);
        var id = thread.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (thread, new InteractionOrigin { ChannelId = id, ChannelType = 11, ParentChannelId = InteractionOrigin.DefaultChannelId });
    }
}

using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;

namespace EditBot.Tests.EndToEnd;

public sealed class LockedThreadEndToEndTests
{
    [Fact]
    public async Task When_the_invoking_thread_is_locked_the_results_go_to_its_parent_channel_with_a_note()
    {
        await using var bot = await BotHarness.StartAsync();
        var thread = bot.Discord.AddChannel(type: 11, parentId: BotHarnessEdits.DefaultChannel);
        var origin = new InteractionOrigin { ChannelId = thread.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ChannelType = 11, ParentChannelId = InteractionOrigin.DefaultChannelId };
        thread.Locked = true; // a moderator locked it while the edit ran

        await bot.SlashEditAsync("in a locked thread", bot.Image(), origin);
        await BotHarness.WaitUntilAsync(() => bot.ResultMessages(BotHarnessEdits.DefaultChannel).Count > 0, "results in the parent channel");

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("in a locked thread")).State);
        var posted = Assert.Single(bot.ResultMessages(BotHarnessEdits.DefaultChannel));
        Assert.Contains("locked", posted.Content, StringComparison.OrdinalIgnoreCase);
        Assert.Single(bot.Discord.Requests, r => r.Status == 403); // the locked thread is tried once, never again
        bot.Discord.AssertNoContractViolations();
    }
}

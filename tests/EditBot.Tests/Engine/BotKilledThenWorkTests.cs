using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;

namespace EditBot.Tests.Engine;

/// <summary>
/// The bot in a child process is killed (SIGKILL) mid-job; <c>EditBot work --until-idle</c> then runs on the same
/// store, and the bot comes back. Every origin is finished by a process that can deliver it: the Discord job is
/// delivered once, by the bot, with one paid submission, and never failed.
/// </summary>
public sealed class BotKilledThenWorkTests
{
    // Old code (before each process claimed only what it can deliver): work claimed the Discord job and failed it,
    // "No delivery route is registered for 'discord'", after it had been paid for; the bot had nothing left to deliver.
    [Fact]
    public async Task A_discord_job_left_by_a_killed_bot_is_left_by_work_and_delivered_once_by_the_bot_when_it_returns()
    {
        await using var harness = await BotHarness.StartAsync();
        // The test's bot runs as child processes; the in-process one only brought the fakes up.
        await harness.App.StopAsync();
        var environment = harness.Settings(null).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
        const string prompt = "survive a kill";
        harness.Gmi.Duration = _ => TimeSpan.FromSeconds(3);

        var identifies = harness.Gateway.Identifies.Count;
        await using (var first = BotProcess.Start(["run"], environment, harness.Folder))
        {
            await harness.Gateway.WaitForIdentifyAsync(identifies + 1);
            await harness.Gateway.WaitForLiveSessionsAsync(1, TimeSpan.FromSeconds(90));
            await harness.SlashEditAsync(prompt, harness.Image());
            await Eventually.WaitUntilAsync(() => harness.Gmi.SubmissionsFor(prompt) == 1, "the submission", TimeSpan.FromSeconds(90));
            await first.KillAsync();
        }

        await using (var work = BotProcess.Start(["work", "--until-idle"], environment, harness.Folder))
        {
            var exit = await work.WaitForExitAsync(TimeSpan.FromSeconds(120));
            Assert.True(exit == 0, $"work exited {exit}\nstdout:\n{work.StandardOutput}\nstderr:\n{work.StandardError}");
        }

        var left = Assert.Single(await JobsAsync(harness, prompt));
        Assert.False(left.IsTerminal, $"work must leave the Discord job for the bot, found {left.State} {left.Failure?.Message}");

        await using (var second = BotProcess.Start(["run"], environment, harness.Folder))
        {
            await Eventually.WaitUntilAsync(
                () => harness.Discord.MessagesIn(BotHarnessEdits.DefaultChannel).Any(m => m.ThreadId is not null)
                    && harness.ResultMessages(harness.ThreadOf(BotHarnessEdits.DefaultChannel)).Count > 0,
                "the results",
                TimeSpan.FromSeconds(120));
            var done = await harness.WaitForJobAsync(prompt, timeout: TimeSpan.FromSeconds(120));
            Assert.Equal(JobState.Done, done.State);
            Assert.Single(await JobsAsync(harness, prompt));
            await second.KillAsync();
        }

        Assert.Equal(1, harness.Gmi.SubmissionsFor(prompt));
        Assert.Single(harness.ResultMessages(harness.ThreadOf(BotHarnessEdits.DefaultChannel)));
    }

    /// <summary>The jobs in the children's SQLite file, read through the stopped in-process host's store.</summary>
    private static Task<IReadOnlyList<Job>> JobsAsync(BotHarness harness, string prompt) => harness.JobsForAsync(prompt);
}

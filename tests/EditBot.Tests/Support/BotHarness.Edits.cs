using System.Globalization;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.Support;

/// <summary>Shortcuts for driving edits through the real bot and reading what it did.</summary>
public static class BotHarnessEdits
{
    /// <summary>Dispatches <c>/edit</c> with the image and prompt (plus any options) and returns the interaction's origin.</summary>
    public static async Task<InteractionOrigin> SlashEditAsync(this BotHarness bot, string prompt, AttachmentSpec image, InteractionOrigin? origin = null, params CommandOption[] options)
    {
        origin ??= new InteractionOrigin();
        await bot.DispatchInteractionAsync(InteractionPayloads.SlashCommand("edit", origin, [CommandOption.File("image", image), CommandOption.Text("prompt", prompt), .. options]));
        return origin;
    }

    /// <summary>Waits for the job with this prompt to satisfy <paramref name="condition"/> (default: terminal).</summary>
    public static async Task<Job> WaitForJobAsync(this BotHarness bot, string prompt, Func<Job, bool>? condition = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = (await bot.JobsForAsync(prompt)).FirstOrDefault(condition ?? (j => j.IsTerminal));
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var states = string.Join(", ", (await bot.JobsForAsync(prompt)).Select(j => $"{j.State} {j.Failure?.Message}"));
                throw new TimeoutException($"Timed out waiting for the job '{prompt}' (now: {states}).");
            }

            await Task.Delay(25);
        }
    }

    public static async Task<IReadOnlyList<Job>> JobsForAsync(this BotHarness bot, string prompt)
    {
        var all = await bot.Services.GetRequiredService<IJobStore>().ListAsync(new JobQuery { Limit = 10_000 }, CancellationToken.None);
        return all.Where(j => j.Request.Prompt == prompt).ToList();
    }

    /// <summary>Everything the bot sent on this interaction's own routes (callback, @original, follow-ups).</summary>
    public static string InteractionTraffic(this BotHarness bot, InteractionOrigin origin) =>
        string.Join("\n", bot.Discord.Requests.Where(r => r.Path.Contains(origin.Token, StringComparison.Ordinal) && r.Method != "GET").Select(r => r.Body));

    /// <summary>The bot's messages with files in <paramref name="channelId"/>.</summary>
    public static IReadOnlyList<FakeMessage> ResultMessages(this BotHarness bot, ulong channelId) =>
        bot.Discord.MessagesIn(channelId).Where(m => m.AuthorIsBot && m.Attachments.Count > 0).ToList();

    /// <summary>
    /// Asserts that the messages carry exactly <paramref name="results"/> result files (contact sheets aside), each once:
    /// what results split over follow-ups and DMs must add up to.
    /// </summary>
    public static void AssertEachResultOnce(IEnumerable<FakeMessage> messages, int results)
    {
        var names = messages.SelectMany(m => m.Attachments).Select(a => a.Filename).Where(n => !n.Contains("sheet", StringComparison.Ordinal)).ToList();
        Assert.Equal(results, names.Count);
        Assert.Equal(results, names.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The thread the bot started on a message of the default channel.</summary>
    public static ulong ThreadOf(this BotHarness bot, ulong channelId) =>
        bot.Discord.MessagesIn(channelId).Select(m => m.ThreadId).First(t => t is not null)!.Value;

    public static ulong DefaultChannel => ulong.Parse(InteractionOrigin.DefaultChannelId, CultureInfo.InvariantCulture);
}

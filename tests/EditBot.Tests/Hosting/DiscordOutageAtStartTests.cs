using System.Net;
using EditBot.CommandLine;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Imaging.Intake;
using EditBot.Origin;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.Verbs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EditBot.Tests.Hosting;

/// <summary>
/// Discord down when the bot starts (connection refused): the bot stays up, says so on /healthz, keeps running jobs,
/// and connects as soon as Discord answers.
/// </summary>
public sealed class DiscordOutageAtStartTests
{
    internal static readonly Dictionary<string, string> FastRetry = new()
    {
        ["Discord:Retry:BaseDelay"] = "00:00:00.050",
        ["Discord:Retry:MaxDelay"] = "00:00:00.300",
    };

    [Fact]
    public async Task Bot_started_while_discord_refuses_connections_keeps_running_jobs_and_connects_when_discord_comes_up()
    {
        await using var bot = await BotHarness.StartAsync(
            FastRetry, s => s.AddSingleton<IJobDelivery, CliJobDelivery>(), waitForReady: false, discordUp: false);
        using var http = new HttpClient { BaseAddress = bot.HttpBase };
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();

        var health = await WaitForHealthAsync(http, (status, body) => status == HttpStatusCode.ServiceUnavailable
            && body.Contains("discord: unreachable, retrying (GET /gateway/bot", StringComparison.Ordinal));
        var job = await EnqueueCliJobAsync(bot);
        var done = await WaitForEndAsync(bot, job.Id);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.Equal(0, bot.Gateway.ConnectionCount);

        await bot.Discord.StartAsync();
        await bot.Gateway.WaitForLiveSessionsAsync(timeout: TimeSpan.FromSeconds(20));
        await WaitForHealthAsync(http, (status, _) => status == HttpStatusCode.OK);

        Assert.DoesNotContain(bot.Discord.Token, health, StringComparison.Ordinal);
        Assert.Equal(JobState.Done, done.State);
        Assert.Single(bot.Gateway.Identifies);
    }

    internal static async Task<Job> EnqueueCliJobAsync(BotHarness bot)
    {
        var intake = bot.Services.GetRequiredService<ImageIntake>();
        var blobs = bot.Services.GetRequiredService<IBlobStore>();
        var prepared = Assert.IsType<PreparedEdit>(await intake.PrepareAsync(TestImages.Png(64, 48)));
        var image = await blobs.PutAsync(prepared.Image, prepared.MediaType, CancellationToken.None);
        var request = new EditRequest("a red sky", image, null, $"{prepared.Size.Width}x{prepared.Size.Height}", "low", 1);
        var jobs = bot.Services.GetRequiredService<JobService>();
        return await jobs.EnqueueAsync(request, JobOrigins.ForCli(Path.Combine(bot.Folder, "out")), needsApproval: false, CancellationToken.None);
    }

    internal static async Task<Job> WaitForEndAsync(BotHarness bot, Guid id)
    {
        var jobs = bot.Services.GetRequiredService<JobService>();
        Job? job = null;
        await Eventually.WaitUntilAsync(() => (job = jobs.GetAsync(id, CancellationToken.None).Result) is { IsTerminal: true }, "the job to end");
        return job!;
    }

    internal static async Task<string> WaitForHealthAsync(HttpClient http, Func<HttpStatusCode, string, bool> condition)
    {
        var body = string.Empty;
        await Eventually.WaitUntilAsync(
            () =>
            {
                using var response = http.GetAsync(new Uri("/healthz", UriKind.Relative)).Result;
                body = response.Content.ReadAsStringAsync().Result;
                return condition(response.StatusCode, body);
            },
            "/healthz");
        return body;
    }
}

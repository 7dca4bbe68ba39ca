using System.Net;
using EditBot.CommandLine;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.Verbs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Core;
using Serilog.Events;
using static EditBot.Tests.Hosting.DiscordOutageAtStartTests;

namespace EditBot.Tests.Hosting;

/// <summary>
/// Discord goes away while the bot is connected (gateway drops and refuses connections, REST answers 503), and
/// Discord answering 503 at start: the bot stays up, says why on /healthz, keeps running jobs, logs one line per
/// reconnect attempt without a stack trace, and is ready again as soon as Discord answers.
/// </summary>
public sealed class DiscordOutageWhileRunningTests
{
    private static readonly Dictionary<string, string> FastReconnect = new(FastRetry)
    {
        ["Discord:Gateway:ReconnectBaseDelay"] = "00:00:00.050",
        ["Discord:Gateway:ReconnectMaxDelay"] = "00:00:00.300",
    };

    [Fact]
    public async Task Outage_while_connected_keeps_the_bot_up_and_running_jobs_and_it_resumes_when_discord_returns()
    {
        var log = new LogCapture();
        await using var bot = await BotHarness.StartAsync(FastReconnect, s => Capture(s.AddSingleton<IJobDelivery, CliJobDelivery>(), log));
        using var http = new HttpClient { BaseAddress = bot.HttpBase };
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();
        await WaitForHealthAsync(http, (status, _) => status == HttpStatusCode.OK);

        var logBefore = log.Count;
        bot.Discord.Unavailable = true;
        bot.Gateway.BeginOutage();
        var down = await WaitForHealthAsync(http, (status, body) => status == HttpStatusCode.ServiceUnavailable
            && body.Contains("discord", StringComparison.Ordinal));
        var done = await WaitForEndAsync(bot, (await EnqueueCliJobAsync(bot)).Id);
        await bot.Gateway.WaitUntilAsync(g => g.RefusedConnectionCount >= 4, TimeSpan.FromSeconds(20), "four refused reconnects");
        var attempts = bot.Gateway.RefusedConnectionCount;
        var outageLines = log.Events.Skip(logBefore).Where(e => LogCapture.Source(e).Contains("Gateway", StringComparison.Ordinal)).ToList();
        var refusedThen = bot.Gateway.RefusedConnectionCount;

        bot.Gateway.EndOutage();
        bot.Discord.Unavailable = false;
        await bot.Gateway.WaitForLiveSessionsAsync(timeout: TimeSpan.FromSeconds(20));
        await WaitForHealthAsync(http, (status, _) => status == HttpStatusCode.OK);

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.Equal(JobState.Done, done.State);
        Assert.Contains("discord", down, StringComparison.Ordinal);
        Assert.True(bot.Gateway.Resumes.Count + bot.Gateway.Identifies.Count >= 2, "resumed or identified again");
        // One line for the drop, then one per refused attempt (give or take the attempt in flight when sampled).
        var shown = string.Join('\n', outageLines.Select(LogCapture.Line));
        Assert.True(outageLines.Count <= refusedThen + 2 && outageLines.Count >= attempts, $"{outageLines.Count} lines for {attempts}..{refusedThen} attempts:\n{shown}");
        AssertCleanLog(log, bot.Discord.Token);
    }

    [Fact]
    public async Task Rest_answering_503_at_start_is_retried_and_the_bot_connects_when_it_recovers()
    {
        var log = new LogCapture();
        await using var bot = await BotHarness.StartAsync(
            FastReconnect, s => Capture(s.AddSingleton<IJobDelivery, CliJobDelivery>(), log), waitForReady: false, discordUp: true, restUnavailable: true);
        using var http = new HttpClient { BaseAddress = bot.HttpBase };

        var down = await WaitForHealthAsync(http, (status, body) => status == HttpStatusCode.ServiceUnavailable
            && body.Contains("discord: unreachable, retrying (GET /gateway/bot", StringComparison.Ordinal));
        await Eventually.WaitUntilAsync(() => bot.Discord.Requests.Count(r => r.Status == 503) >= 4, "four 503 answers");
        bot.Discord.Unavailable = false;
        await bot.Gateway.WaitForLiveSessionsAsync(timeout: TimeSpan.FromSeconds(30));
        await WaitForHealthAsync(http, (status, _) => status == HttpStatusCode.OK);

        Assert.Contains("503", down, StringComparison.Ordinal);
        Assert.Single(bot.Gateway.Identifies);
        AssertCleanLog(log, bot.Discord.Token);
    }

    private static void Capture(IServiceCollection services, LogCapture log) => services.AddSingleton<ILogEventSink>(log);

    /// <summary>An outage is expected, not a bug: no event carries an exception (the console would print its stack trace), and no secret.</summary>
    private static void AssertCleanLog(LogCapture log, string token)
    {
        var withException = log.Events.Where(e => e.Exception is not null).Select(e => $"{LogCapture.Line(e)}\n{e.Exception}").ToList();
        Assert.True(withException.Count == 0, string.Join('\n', withException));
        Assert.DoesNotContain(log.Events, e => LogCapture.Line(e).Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(log.Events, e => e.Level >= LogEventLevel.Error);
    }
}

using System.Net;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport;

namespace EditBot.Tests.Hosting;

/// <summary>
/// A refusal of the commands themselves (403 Missing Access when the bot is not in Discord:CommandGuildId's server)
/// is not an outage: it is asked once, logged, and the bot runs on, ready, instead of retrying it forever.
/// </summary>
public sealed class CommandRegistrationRefusalTests
{
    private const string GlobalCommands = "PUT /applications/{application_id}/commands";
    private const string GuildCommands = "PUT /applications/{application_id}/guilds/{guild_id}/commands";

    [Fact]
    public async Task A_403_on_registration_is_not_retried_and_the_bot_stays_ready()
    {
        // Retries 50 ms apart if there were any: the window below holds ten of them.
        await using var bot = await BotHarness.StartAsync(DiscordOutageAtStartTests.FastRetry, configureDiscord: d =>
        {
            d.OverrideRoute(GlobalCommands, FakeResult.Forbidden(50001));
            d.OverrideRoute(GuildCommands, FakeResult.Forbidden(50001));
        });
        using var http = new HttpClient { BaseAddress = bot.HttpBase };

        await Eventually.WaitUntilAsync(() => bot.Discord.Requests.Any(r => r.Method == "PUT" && r.Status == 403), "the refused registration");
        await Eventually.WaitUntilAsync(async () => (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "/healthz ready");
        // Not synchronisation but an observation window: a retry loop (50 ms base delay) would show itself within it.
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(1, bot.Discord.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal)));
        Assert.DoesNotContain("unreachable", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)), StringComparison.Ordinal);
    }
}

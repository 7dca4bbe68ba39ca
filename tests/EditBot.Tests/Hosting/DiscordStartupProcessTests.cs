using System.Net;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Gmi;

namespace EditBot.Tests.Hosting;

/// <summary>What an operator sees on the console of <c>EditBot run</c> when Discord is away or refuses the token.</summary>
public sealed class DiscordStartupProcessTests
{
    [Fact]
    public async Task Unreachable_discord_at_start_is_retried_one_line_per_attempt_without_a_stack_trace()
    {
        await using var gmi = new FakeGmiServer();
        await gmi.StartAsync();
        var discord = new FakeDiscordServer();
        discord.ReservePort(); // nothing listens there: connection refused
        var httpPort = FreePort();
        var folder = Directory.CreateTempSubdirectory("editbot-start-").FullName;
        var environment = Environment(gmi, folder, discord, discord.Token);
        environment["Http__Urls"] = $"http://127.0.0.1:{httpPort}";

        await using var bot = BotProcess.Start([], environment, folder);
        await BotHarness.WaitUntilAsync(() => bot.HasExited || Count(bot.StandardError, "Discord unreachable") >= 3, "three retry lines");
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/healthz"));

        Assert.False(bot.HasExited, bot.StandardError);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("discord: unreachable, retrying", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.StandardError + bot.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", bot.StandardError.Replace("HttpRequestException:", "", StringComparison.Ordinal), StringComparison.Ordinal);
        await bot.KillAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_token_discord_rejects_with_401_stops_the_bot_with_one_line_naming_Discord_Token()
    {
        await using var gmi = new FakeGmiServer();
        await gmi.StartAsync();
        await using var discord = new FakeDiscordServer { Token = "the-real-token" };
        await discord.StartAsync();
        var folder = Directory.CreateTempSubdirectory("editbot-start-").FullName;
        const string wrongToken = "a-wrong-token-0123456789";

        await using var bot = BotProcess.Start([], Environment(gmi, folder, discord, wrongToken), folder);
        var exit = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        var stopped = Assert.Single(bot.StandardError.Split('\n'), l => l.StartsWith("EditBot stopped:", StringComparison.Ordinal));
        Assert.Contains("401", stopped, StringComparison.Ordinal);
        Assert.Contains("Check Discord:Token", stopped, StringComparison.Ordinal);
        Assert.DoesNotContain("Discord unreachable", bot.StandardError, StringComparison.Ordinal); // a 401 is not retried
        Assert.DoesNotContain(wrongToken, bot.StandardError + bot.StandardOutput, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static Dictionary<string, string> Environment(FakeGmiServer gmi, string folder, FakeDiscordServer discord, string token)
    {
        var environment = EngineHarness.Settings(gmi, folder).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
        environment["Discord__Token"] = token;
        environment["Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString().TrimEnd('/');
        environment["Discord__Retry__BaseDelay"] = "00:00:00.050";
        environment["Discord__Retry__MaxDelay"] = "00:00:00.300";
        environment["Http__Urls"] = "http://127.0.0.1:0";
        return environment;
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

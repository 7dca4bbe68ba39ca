using System.Net;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Gmi;
using EditBot.TestSupport;

namespace EditBot.Tests.Hosting;

/// <summary>What an operator sees on the console of <c>EditBot run</c> when Discord is away or refuses the token.</summary>
public sealed class DiscordStartupProcessTests
{
    [Fact]
    public async Task Unreachable_discord_at_start_is_retried_one_line_per_attempt_without_a_stack_trace()
    {
        await using var gmi = new FakeGmiServer { Duration = FakeGmiServer.OneSecond };
        await gmi.StartAsync();
        var discord = new FakeDiscordServer();
        discord.ReservePort(); // nothing listens there: connection refused
        var httpPort = FreePort();
        var folder = Directory.CreateTempSubdirectory("editbot-start-").FullName;
        var environment = Environment(gmi, folder, discord, discord.Token);
        environment["Http__Urls"] = $"http://127.0.0.1:{httpPort}";

        await using var bot = BotProcess.Start([], environment, folder);
        await Eventually.WaitUntilAsync(() => bot.HasExited || Count(bot.StandardError, "Discord unreachable") >= 3, "three retry lines");
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
        await using var gmi = new FakeGmiServer { Duration = FakeGmiServer.OneSecond };
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
        AssertNoStackTrace(bot);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(4004, "Check Discord:Token")]
    [InlineData(4014, "set Discord:MessageContentIntent=false")]
    public async Task A_gateway_refusal_stops_the_bot_with_one_line_saying_what_to_fix_and_no_stack_trace(int closeCode, string fix)
    {
        await using var gmi = new FakeGmiServer { Duration = FakeGmiServer.OneSecond };
        await gmi.StartAsync();
        await using var gateway = await TestSupport.Discord.Gateway.FakeDiscordGateway.StartAsync();
        await using var discord = new FakeDiscordServer { GatewayUrl = gateway.Url };
        await discord.StartAsync();
        // REST accepts the token; only the gateway refuses: a revoked token (4004) or the portal switch off (4014).
        gateway.RequiredToken = closeCode == 4004 ? "a-token-the-gateway-wants" : null;
        gateway.MessageContentIntentAllowed = false;
        var folder = Directory.CreateTempSubdirectory("editbot-start-").FullName;
        var environment = Environment(gmi, folder, discord, discord.Token);
        environment["Discord__MessageContentIntent"] = "true";

        await using var bot = BotProcess.Start([], environment, folder);
        var exit = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var output = bot.StandardOutput + "\n" + bot.StandardError;
        Assert.NotEqual(0, exit);
        Assert.Contains(closeCode, gateway.ServerCloseCodes);
        var lines = output.Split('\n').Where(l => l.Contains(fix, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"{lines.Count} lines say '{fix}':\n{output}");
        var line = lines[0];
        Assert.StartsWith("EditBot stopped:", line, StringComparison.Ordinal);
        Assert.Contains(closeCode.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Token, output, StringComparison.Ordinal);
        AssertNoStackTrace(bot);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A refusal is an operator's problem, not a bug: no frame of a stack trace anywhere on the console.</summary>
    private static void AssertNoStackTrace(BotProcess bot)
    {
        var lines = (bot.StandardOutput + "\n" + bot.StandardError).Split('\n');
        Assert.False(lines.Any(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+at ")), $"stack trace on the console:\n{string.Join('\n', lines)}");
    }

    private static Dictionary<string, string> Environment(FakeGmiServer gmi, string folder, FakeDiscordServer discord, string token)
    {
        var environment = EngineHostHarness.Settings(gmi, folder).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
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

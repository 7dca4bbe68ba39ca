using System.Net;
using EditBot.Discord.Gateway;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EditBot.Tests.EndToEnd;

public sealed class BotStartupTests
{
    [Fact]
    public async Task Health_is_ready_once_the_gateway_is_ready_and_metrics_are_served()
    {
        await using var bot = await BotHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = bot.HttpBase };

        await Eventually.WaitUntilAsync(() => http.GetAsync(new Uri("/healthz", UriKind.Relative)).Result.StatusCode == HttpStatusCode.OK, "/healthz to be ready");
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("editbot_jobs{state=\"Queued\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("editbot_http_request_duration_seconds", metrics, StringComparison.Ordinal);
        // One process on SQLite: the whole budget, and the leader of its singleton tasks.
        Assert.Contains("editbot_instances{role=\"discord-requests\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("editbot_leader{task=\"command registration\"} 1", metrics, StringComparison.Ordinal);
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_fatal_gateway_close_stops_the_bot_with_what_to_fix()
    {
        await using var bot = await BotHarness.StartAsync();
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();

        await bot.Gateway.CloseAsync(4004, "Authentication failed.");
        await Eventually.WaitUntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "the bot to stop");

        var fatal = bot.Services.GetRequiredService<GatewayState>().FatalError;
        Assert.NotNull(fatal);
        Assert.Contains("Discord:Token", fatal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Token, fatal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_identifies_without_the_privileged_message_content_intent()
    {
        await using var bot = await BotHarness.StartAsync();

        var identify = Assert.Single(bot.Gateway.Identifies);

        Assert.Equal(1 | 512 | 4096, identify.Intents);
        Assert.Equal(bot.Discord.Token, identify.Token);
    }

    [Fact]
    public async Task Http_transport_answers_signed_pings_and_refuses_bad_signatures()
    {
        using var sender = new SignedInteractionSender();
        await using var bot = await BotHarness.StartAsync(
            new Dictionary<string, string> { ["Discord:Transport"] = "Http", ["Discord:PublicKey"] = sender.PublicKeyHex },
            waitForReady: false);
        var endpoint = new Uri(bot.HttpBase, "/interactions");

        using var pong = await sender.SendPingAsync(endpoint);
        using var tampered = await sender.SendAsync(endpoint, InteractionPayloads.Ping(), InteractionSignature.Tampered);
        using var stale = await sender.SendAsync(endpoint, InteractionPayloads.Ping(), InteractionSignature.Valid, DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(0, bot.Gateway.ConnectionCount);
    }

    [Theory]
    [InlineData("Discord__Token", "EditBot cannot start: Discord:Token (the bot token from the Developer Portal) is not set. Set it in appsettings.json or as the environment variable Discord__Token.")]
    [InlineData("Gmi__ApiKey", "EditBot cannot start: Gmi:ApiKey (your GMI Cloud API key) is not set. Set it in appsettings.json or as the environment variable Gmi__ApiKey.")]
    public async Task Running_without_a_required_key_stops_with_one_line_naming_it(string missing, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("editbot-start-").FullName;
        var environment = new Dictionary<string, string> { ["Discord__Token"] = "t", ["Gmi__ApiKey"] = "k", ["Http__Urls"] = "http://127.0.0.1:0" };
        environment.Remove(missing);

        await using var bot = BotProcess.Start([], environment, folder);
        var exit = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Equal(expected, bot.StandardError.Trim());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Running_with_a_token_discord_rejects_exits_with_what_to_fix()
    {
        await using var gmi = new EditBot.TestSupport.Gmi.FakeGmiServer();
        await gmi.StartAsync();
        await using var discord = new EditBot.TestSupport.Discord.FakeDiscordServer();
        await discord.StartAsync();
        await using var gateway = await EditBot.TestSupport.Discord.Gateway.FakeDiscordGateway.StartAsync();
        gateway.RequiredToken = "the-real-token";
        discord.GatewayUrl = gateway.Url;
        var folder = Directory.CreateTempSubdirectory("editbot-start-").FullName;
        var environment = EngineHostHarness.Settings(gmi, folder).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
        environment["Discord__Token"] = discord.Token;
        environment["Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString().TrimEnd('/');
        environment["Discord__ApplicationId"] = "1100000000000000001";
        environment["Http__Urls"] = "http://127.0.0.1:0";

        await using var bot = BotProcess.Start([], environment, folder);
        var exit = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        Assert.Contains("EditBot stopped: Discord gateway closed with 4004: authentication failed. Check Discord:Token", bot.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Token, bot.StandardError + bot.StandardOutput, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}

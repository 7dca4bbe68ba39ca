using System.Text.Json.Nodes;
using EditBot.Tests.Support;
using EditBot.Tests.Support.Twin;
using EditBot.TestSupport.Gmi;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// The real bot binary against a Discord emulator we did not write (<c>discord-digital-twin</c>, npm): proof that the
/// bot runs on any Discord-compatible server, not only on our own fake, which agrees with the bot by construction.
/// </summary>
public sealed class DigitalTwinEndToEndTests
{
    [Fact]
    public async Task On_discord_digital_twin_the_bot_connects_registers_its_commands_and_answers_help()
    {
        await using var twin = await DigitalTwin.StartAsync();
        await using var gmi = new FakeGmiServer { Duration = FakeGmiServer.OneSecond };
        await gmi.StartAsync();
        var folder = Directory.CreateTempSubdirectory("editbot-twin-").FullName;
        var environment = EngineHostHarness.Settings(gmi, folder).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
        environment["Discord__Token"] = twin.BotToken;
        environment["Discord__ApiBaseUrl"] = twin.ApiBaseUrl; // no ApplicationId: the bot reads it from the twin's /applications/@me
        environment["Http__Urls"] = "http://127.0.0.1:0";
        await using var bot = BotProcess.Start([], environment, folder);
        twin.Context = () => "\nbot log:\n" + bot.StandardError;

        await twin.WaitForAsync("gatewayClients", r => r!.AsArray().Any(c => c!["identified"]!.GetValue<bool>()), "the bot to identify on the twin's gateway");
        var commands = await twin.WaitForAsync("commands", r => r!.AsArray().Count >= 3, "the bot's commands to be registered on the twin");
        var interaction = await twin.CallAsync("slashCommand", new JsonObject
        {
            ["channelId"] = twin.Id("channelId"),
            ["userId"] = twin.Id("userId"),
            ["name"] = "editbot",
            ["options"] = new JsonArray(new JsonObject { ["name"] = "help", ["type"] = 1 }),
        });
        var answer = await twin.WaitForAsync(
            "interactionResponse", r => r?["acknowledged"]?.GetValue<bool>() == true, "the bot to answer /editbot help",
            new JsonObject { ["interactionId"] = interaction!["id"]!.GetValue<string>() });

        var names = commands.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("edit", names);
        Assert.Contains("editbot", names);
        Assert.Contains("editbot-admin", names);
        Assert.Contains("Edit image", names);
        Assert.All(commands.AsArray(), c => Assert.Null(c!["guildId"]?.GetValue<string>()));
        Assert.Equal(4, answer["type"]!.GetValue<int>());
        var data = JsonNode.Parse(answer["data"]!.GetValue<string>())!;
        Assert.Equal(64, data["flags"]!.GetValue<int>() & 64);
        Assert.Contains("EditBot edits images with AI", data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(bot.HasExited, "the bot stopped:\n" + bot.StandardOutput + bot.StandardError);
        Assert.DoesNotContain(twin.BotToken, bot.StandardOutput + bot.StandardError, StringComparison.Ordinal);
        // The twin has no route to list commands: said once, as a warning, and nothing else went wrong.
        Assert.Single(Lines(bot.StandardError), l => l.Contains("WRN] EditBot.Discord.Commands.CommandRegistrar: Discord could not list the global commands", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines(bot.StandardError), l => l.Contains("ERR]", StringComparison.Ordinal) || l.Contains("FTL]", StringComparison.Ordinal));
        Directory.Delete(folder, recursive: true);
    }

    private static string[] Lines(string text) => text.Split('\n');
}

using System.Text.Json.Nodes;
using EditBot.Discord.Models;
using EditBot.Discord.Tests.Support;
using EditBot.TestSupport.Discord;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Tests.Commands;

/// <summary>
/// Discord-compatible servers (emulators, proxies) may lack the route that lists commands. Registration then
/// falls back to the bulk overwrite, which is idempotent, instead of failing and leaving the bot without commands.
/// </summary>
public sealed class CommandListFallbackTests
{
    private const string GlobalList = "GET /applications/{application_id}/commands";
    private const string GuildList = "GET /applications/{application_id}/guilds/{guild_id}/commands";

    public static TheoryData<string, int, string?> Answers() => new()
    {
        { "missing route", 404, null },
        { "method not allowed", 405, null },
        { "server error", 500, null },
        { "not a list", 200, """{"unexpected":"shape"}""" },
        { "a bare string", 200, "\"<html>not json</html>\"" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task When_the_list_cannot_be_read_the_commands_are_overwritten_anyway(string what, int status, string? body)
    {
        await using var h = await DiscordRestHarness.StartAsync(fake => fake.OverrideRoute(GlobalList, Answer(status, body)));
        ApplicationCommand[] definitions = [SampleCommands.Edit(), SampleCommands.Admin()];

        var overwritten = await h.Registrar.RegisterAsync(definitions, Cancel.After());

        Assert.True(overwritten, what);
        Assert.Equal(1, h.Fake.CommandOverwrites);
        Assert.Equal(["edit", "editbot-admin"], h.Fake.Commands().Select(c => c["name"]!.ToString()));
        var list = Assert.Single(h.Fake.Requests, r => r.RouteKey == GlobalList);
        Assert.Equal(status, list.Status);
        Assert.Single(h.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("could not list", StringComparison.Ordinal));
        h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_guild_without_the_list_route_gets_its_commands_too()
    {
        await using var h = await DiscordRestHarness.StartAsync(
            fake => fake.RemoveRoute(GuildList),
            new Dictionary<string, string?> { ["Discord:CommandGuildId"] = "4242" });

        var first = await h.Registrar.RegisterAsync([SampleCommands.Edit()], Cancel.After());
        var second = await h.Registrar.RegisterAsync([SampleCommands.Edit()], Cancel.After());

        // Without a list nothing can be compared, so every start overwrites; the overwrite keeps ids stable.
        Assert.True(first);
        Assert.True(second);
        Assert.Equal(2, h.Fake.CommandOverwrites);
        Assert.Single(h.Fake.Commands(4242));
        Assert.Empty(h.Fake.Commands());
    }

    [Fact]
    public async Task A_rejected_token_is_not_papered_over_with_an_overwrite()
    {
        await using var h = await DiscordRestHarness.StartAsync(fake => fake.OverrideRoute(GlobalList, FakeResult.Error(401, 0, "401: Unauthorized")));

        var error = await Assert.ThrowsAsync<EditBot.Discord.Rest.DiscordApiException>(
            () => h.Registrar.RegisterAsync([SampleCommands.Edit()], Cancel.After()));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(0, h.Fake.CommandOverwrites);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Method == "PUT");
    }

    private static FakeResult Answer(int status, string? body) =>
        body is null ? FakeResult.Error(status, 0, status + ": Not Available") : new FakeResult(status, JsonNode.Parse(body));
}

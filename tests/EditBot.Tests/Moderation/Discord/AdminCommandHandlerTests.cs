using System.Globalization;
using System.Text.Json.Nodes;
using EditBot.Imaging.Charts;
using EditBot.Moderation;
using EditBot.Moderation.Discord;
using EditBot.TestSupport.Discord.Inject;
using EditBot.Tests.Moderation.Discord.Support;
using EditBot.Tests.Moderation.Support;
using SkiaSharp;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Moderation.Discord;

public sealed class AdminCommandHandlerTests : IAsyncLifetime
{
    private ModerationDiscordHarness h = null!;

    public async Task InitializeAsync() => h = await ModerationDiscordHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Member_without_Manage_Server_is_refused_ephemerally_and_nothing_changes()
    {
        var token = await RunAsync(InteractionOrigin.Guild, Limit("user-daily", "edits", 3));

        var callback = Assert.Single(h.Discord.GetInteraction(token)!.Callbacks);
        Assert.Equal(64, callback["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(AdminCommandHandler.NotAllowed, callback["data"]!["content"]!.GetValue<string>());
        Assert.Null((await h.Settings.GetAsync(ModerationDiscordHarness.Guild, CancellationToken.None)).UserDailyEditLimit);
    }

    [Fact]
    public async Task Manage_Server_alone_is_enough_and_the_change_is_saved_and_shown()
    {
        var origin = InteractionOrigin.Guild with { MemberPermissions = "32" };
        var token = await RunAsync(origin, Limit("user-daily", "edits", 3));

        Assert.Equal(3, (await h.Settings.GetAsync(ModerationDiscordHarness.Guild, CancellationToken.None)).UserDailyEditLimit);
        var answer = AnswerOf(token);
        Assert.StartsWith("Saved. Daily edits per member: 3.", answer, StringComparison.Ordinal);
        Assert.Contains("Daily edits per member: 3", answer.Split("\n\n")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_the_store_refuses_is_not_saved_and_the_admin_is_told_why()
    {
        var token = await RunAsync(InteractionOrigin.Guild.AsAdmin(), Option.SubcommandGroup("review", Option.Subcommand("expiry", new Option("hours", 10, JsonValue.Create(0.001), [], null))));

        Assert.StartsWith("Not saved: Review expiry must be between", AnswerOf(token), StringComparison.Ordinal);
        Assert.Null((await h.Settings.GetAsync(ModerationDiscordHarness.Guild, CancellationToken.None)).Review.Expiry);
    }

    [Fact]
    public async Task Show_lists_every_setting()
    {
        await h.ConfigureAsync(s => s with { DailyBudgetUsd = 5m });
        var token = await RunAsync(InteractionOrigin.Guild.AsAdmin(), Option.Subcommand("show"));
        var answer = AnswerOf(token);
        Assert.Contains("Daily budget: $5.00", answer, StringComparison.Ordinal);
        Assert.Contains("Results as spoilers: no", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_server_the_command_explains_itself()
    {
        var token = await RunAsync(InteractionOrigin.DirectMessage, Option.Subcommand("show"));
        Assert.Equal(AdminCommandHandler.GuildOnly, h.Discord.GetInteraction(token)!.Callbacks[0]["data"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unreadable_stored_settings_are_reported_with_the_way_out_and_reset_works()
    {
        await h.Get<EditBot.Core.Storage.IKeyValueStore>().SetAsync("guild:" + ModerationDiscordHarness.Guild, "settings", "{not json", CancellationToken.None);

        Assert.Contains("reset confirm:True", AnswerOf(await RunAsync(InteractionOrigin.Guild.AsAdmin(), Option.Subcommand("show"))), StringComparison.Ordinal);
        Assert.StartsWith("All settings are back to their defaults.", AnswerOf(await RunAsync(InteractionOrigin.Guild.AsAdmin(), Option.Subcommand("reset", Option.Boolean("confirm", true)))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_shows_the_servers_edits_and_estimated_cost_per_member()
    {
        h.Jobs.Add(TestJobs.Create(h.Time.GetUtcNow(), guild: ModerationDiscordHarness.Guild, user: 501, count: 2));
        var answer = AnswerOf(await RunAsync(InteractionOrigin.Guild.AsAdmin(), Option.Subcommand("usage", Option.Number("days", 1))));
        Assert.StartsWith("Usage over 1 day", answer, StringComparison.Ordinal);
        Assert.Contains("<@501>", answer, StringComparison.Ordinal);
        Assert.Contains("$0.42", answer, StringComparison.Ordinal);
    }

    // Old code: the usage answer was the text alone.
    [Fact]
    public async Task Usage_carries_a_png_chart_of_the_period_beside_the_unchanged_numbers()
    {
        var now = h.Time.GetUtcNow();
        h.Jobs.Add(TestJobs.Create(now, guild: ModerationDiscordHarness.Guild, user: 501, count: 2));
        h.Jobs.Add(TestJobs.Create(now.AddDays(-3), guild: ModerationDiscordHarness.Guild, user: 502, quality: "low"));

        var message = h.Discord.GetMessage(h.Discord.GetInteraction(await RunAsync(InteractionOrigin.Guild.AsAdmin(), Option.Subcommand("usage", Option.Number("days", 30))))!.OriginalMessageId!.Value)!;

        var since = UsageCounting.StartOfUtcDay(now).AddDays(-29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(
            $"Usage over 30 days (since {since} 00:00 UTC), estimated cost\nServer: 2 edits, 3 images, $0.43\n<@501>: 1 edit, 2 images, $0.42\n<@502>: 1 edit, 1 image, $0.006",
            message.Content);
        Assert.True(message.IsEphemeral);
        var file = Assert.Single(message.Attachments);
        Assert.Equal(("usage.png", "image/png"), (file.Filename, file.ContentType));
        Assert.Equal("attachment://usage.png", message.Embeds[0]!["image"]!["url"]!.GetValue<string>());
        using var chart = SKBitmap.Decode(file.Bytes);
        Assert.Equal((UsageChart.Width, UsageChart.Height), (chart.Width, chart.Height));
        // One edit on each of two days: both bars reach the top of the plot; the day between has none.
        Assert.Equal(UsageChart.EditsColor, chart.GetPixel(UsageChart.BarColumns(29, 30).Left, UsageChart.Plot.Top));
        Assert.Equal(UsageChart.EditsColor, chart.GetPixel(UsageChart.BarColumns(26, 30).Left, UsageChart.Plot.Top));
        Assert.NotEqual(UsageChart.EditsColor, chart.GetPixel(UsageChart.BarColumns(27, 30).Left, UsageChart.Plot.Bottom - 1));
    }

    private static Option Limit(string sub, string name, long value) =>
        Option.SubcommandGroup("limits", Option.Subcommand(sub, Option.Number(name, value)));

    private async Task<string> RunAsync(InteractionOrigin origin, Option option)
    {
        var interaction = h.Interaction(InteractionPayloads.SlashCommand(AdminCommandDefinition.Name, origin, option));
        await h.Get<AdminCommandHandler>().HandleAsync(interaction, h.Responder(interaction), CancellationToken.None);
        return interaction.Token;
    }

    /// <summary>The deferred ephemeral answer's final text.</summary>
    private string AnswerOf(string token)
    {
        var fake = h.Discord.GetInteraction(token)!;
        Assert.Equal(5, fake.ResponseType);
        return h.Discord.GetMessage(fake.OriginalMessageId!.Value)!.Content;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Inject;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// Results as Components V2 cards (issue 13): one container per message with a media gallery of its files, a text
/// display with the prompt, settings and requester, and the buttons; the classic layout where Discord refuses a card or
/// the operator chose it. The fake Discord checks each body against the OpenAPI spec and Discord's V2 rules (no content
/// beside the flag, at most 40 components, every upload shown by a component, attachment:// naming a file).
/// Old code: every result message was classic (content and a top-level action row), so the first test failed on the flag.
/// </summary>
public sealed class ResultCardsEndToEndTests
{
    [Fact]
    public async Task Results_in_a_thread_arrive_as_one_card_that_shows_every_file_the_prompt_and_the_buttons()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.SlashEditAsync("four neon moons", bot.Image(), null, CommandOption.Number("count", 4));
        var job = await bot.WaitForJobAsync("four neon moons");

        Assert.Equal(JobState.Done, job.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the results");
        var card = Assert.Single(bot.ResultMessages(thread));
        Assert.True(card.IsComponentsV2);
        Assert.Equal("", card.Content);
        var container = Assert.Single(card.Components.OfType<JsonObject>());
        Assert.Equal(17, container["type"]!.GetValue<int>());
        var gallery = container["components"]![0]!;
        Assert.Equal(12, gallery["type"]!.GetValue<int>());
        // Every file of the message is in the gallery, resolved to its CDN URL: the contact sheet first, then the four.
        Assert.Equal(card.Attachments.Select(a => a.Url.AbsoluteUri), gallery["items"]!.AsArray().Select(i => i!["media"]!["url"]!.GetValue<string>()));
        Assert.Equal(["edit-sheet.jpg", "edit-1.png", "edit-2.png", "edit-3.png", "edit-4.png"], card.Attachments.Select(a => a.Filename));
        Assert.Contains("**“four neon moons”**", card.Text, StringComparison.Ordinal);
        Assert.Contains("\n-# 4 images · ", card.Text, StringComparison.Ordinal);
        Assert.Contains($" · asked by <@{DiscordUserSpec.Requester.Id}>", card.Text, StringComparison.Ordinal);
        Assert.Contains($"eb:reroll:{job.Id:N}", container.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains($"eb:delete:{job.Id:N}", container.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Status >= 400);
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Where_Discord_refuses_a_card_the_results_come_the_classic_way_and_the_later_parts_skip_the_card()
    {
        // Small upload limits split four results over several messages (see UploadLimitEndToEndTests).
        const long limit = 6 * 1024, requestLimit = 10 * 1024;
        await using var bot = await SmallUploads.StartAsync(limit, requestLimit);
        bot.Discord.RefuseComponentsV2 = true;

        await bot.SlashEditAsync("four classic moons", bot.Image(120, 80), new InteractionOrigin { AttachmentSizeLimit = limit }, CommandOption.Number("count", 4));
        var job = await bot.WaitForJobAsync("four classic moons");

        Assert.Equal(JobState.Done, job.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Sum(m => m.Attachments.Count(a => a.Filename.StartsWith("edit-", StringComparison.Ordinal))) >= 4, "the four results");
        var results = bot.ResultMessages(thread);
        Assert.True(results.Count >= 2, "the results take several messages");
        Assert.All(results, m => Assert.False(m.IsComponentsV2));
        Assert.All(results, m => Assert.Equal(1, m.Components[0]!["type"]!.GetValue<int>()));
        Assert.Contains(results, m => m.Components.ToJsonString().Contains($"eb:reroll:{job.Id:N}", StringComparison.Ordinal));
        // One card was tried and refused; the job remembered it, so no later part tried again.
        var refused = bot.Discord.Requests.Where(r => r.Status == 400).ToList();
        var card = Assert.Single(refused);
        Assert.Contains("\"flags\":32768", card.Body, StringComparison.Ordinal);
        Assert.Equal(results.Count, bot.Discord.Requests.Count(r => r.Status == 200 && r.Method == "POST" && r.Path.EndsWith($"/channels/{thread}/messages", StringComparison.Ordinal)));
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task With_classic_result_cards_configured_the_results_are_files_with_buttons_under_them()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Bot:ResultCards"] = "Classic" });

        await bot.SlashEditAsync("one classic moon", bot.Image());
        var job = await bot.WaitForJobAsync("one classic moon");

        Assert.Equal(JobState.Done, job.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the result");
        var result = Assert.Single(bot.ResultMessages(thread));
        Assert.False(result.IsComponentsV2);
        Assert.Equal(1, Assert.Single(result.Components)!["type"]!.GetValue<int>());
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Status >= 400);
        bot.Discord.AssertNoContractViolations();
    }
}

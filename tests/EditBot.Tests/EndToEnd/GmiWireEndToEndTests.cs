using System.Globalization;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Gmi;
using EditBot.TestSupport;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// What reaches the fake GMI's socket for each kind of edit, read from the raw submit body and the images the fake
/// decoded (never from what the bot believes it sent). The fake refuses any body that breaks GMI's contract.
/// </summary>
public sealed class GmiWireEndToEndTests
{
    [Fact]
    public async Task An_edit_without_a_mask_sends_a_payload_with_no_mask_key()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.SlashEditAsync("no mask at all", bot.Image(120, 80));

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("no mask at all")).State);
        var request = bot.Gmi.FindByPrompt("no mask at all")!;
        var payload = JsonNode.Parse(request.RawBody)!["payload"]!.AsObject();
        Assert.False(payload.ContainsKey("mask"), request.RawBody.Length > 400 ? request.RawBody[..400] : request.RawBody);
        Assert.Null(request.MaskFacts);
        Assert.Equal((120, 80), (request.ImageFacts!.Width, request.ImageFacts.Height));
        Assert.Empty(bot.Gmi.ContractViolations);
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_reroll_of_an_edit_without_a_mask_sends_no_mask_key_either()
    {
        await using var bot = await BotHarness.StartAsync();
        var origin = await bot.SlashEditAsync("reroll me", bot.Image(64, 64));
        var first = await bot.WaitForJobAsync("reroll me");
        Assert.Equal(JobState.Done, first.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the result message");
        var result = bot.ResultMessages(thread).First(m => m.Components.ToJsonString().Contains("eb:reroll:", StringComparison.Ordinal));
        JsonObject Click() => InteractionPayloads.ButtonClick($"eb:reroll:{first.Id:N}", bot.Discord.ToMessageJson(result),
            origin with { InteractionId = TestSnowflakes.Next(), Token = "reroll-" + Guid.NewGuid().ToString("N"), ChannelId = thread.ToString(CultureInfo.InvariantCulture), ChannelType = 11 });

        await bot.PressUntilAnsweredAsync(Click, result.Id);

        await Eventually.WaitUntilAsync(() => bot.Gmi.SubmissionsFor("reroll me") == 2, "the re-roll's submit");
        Assert.All(bot.Gmi.Requests.Where(r => r.Prompt == "reroll me"),
            r => Assert.False(JsonNode.Parse(r.RawBody)!["payload"]!.AsObject().ContainsKey("mask")));
    }

    [Fact]
    public async Task Inputs_staged_by_upload_reach_gmi_as_fetchable_images_with_the_mask_at_the_image_size()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Gmi:InlineLimitBytes"] = "0" });

        await bot.SlashEditAsync("uploaded inputs", bot.Image(100, 100), null, CommandOption.Text("region", "left"));

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("uploaded inputs")).State);
        var request = bot.Gmi.FindByPrompt("uploaded inputs")!;
        Assert.StartsWith("http://", request.Image, StringComparison.Ordinal);
        Assert.StartsWith("http://", request.Mask, StringComparison.Ordinal);
        Assert.Equal((request.ImageFacts!.Width, request.ImageFacts.Height), (request.MaskFacts!.Width, request.MaskFacts.Height));
        Assert.True(request.MaskFacts.IsWhiteAt(0.25, 0.5), "the left half is white (edit)");
        Assert.False(request.MaskFacts.IsWhiteAt(0.75, 0.5), "the right half is black (keep)");
    }
}

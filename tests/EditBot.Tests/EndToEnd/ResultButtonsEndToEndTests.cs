using System.Globalization;
using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport;
using SkiaSharp;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// A result's "Edit this": with several results the requester picks one from a select, writes a prompt in the modal,
/// and exactly that result (not another, not the original image) reaches GMI as the next edit's input.
/// </summary>
public sealed class ResultButtonsEndToEndTests
{
    [Fact]
    public async Task Edit_this_then_picking_the_second_result_sends_that_result_to_gmi_with_the_new_prompt()
    {
        await using var bot = await BotHarness.StartAsync();
        var origin = await bot.SlashEditAsync("two candidates", bot.Image(96, 64), null, CommandOption.Number("count", 2));
        var first = await bot.WaitForJobAsync("two candidates");
        Assert.Equal(JobState.Done, first.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the result message");
        var result = bot.ResultMessages(thread).First(m => m.Components.ToJsonString().Contains($"eb:edit:{first.Id:N}", StringComparison.Ordinal));
        var delivered = result.Attachments.Single(a => a.Filename.StartsWith("edit-2.", StringComparison.Ordinal));

        // Edit this → "Which result should I edit?" (only the requester sees it).
        var press = Click(origin, thread);
        await bot.DispatchInteractionAsync(InteractionPayloads.ButtonClick($"eb:edit:{first.Id:N}", bot.Discord.ToMessageJson(result), press), result.Id);
        var chooser = await AnswerAsync(bot, press);
        Assert.True(chooser.IsEphemeral);
        Assert.Contains($"eb:pickres:{first.Id:N}", chooser.Components.ToJsonString(), StringComparison.Ordinal);

        // Pick result 2 → a modal for that result. A modal must open within Discord's 3 s; on a loaded test machine an
        // answer may miss it (the fake refuses it as Discord would), and a person would pick again: so may the test.
        InteractionOrigin pick = null!;
        for (var attempt = 1; ; attempt++)
        {
            pick = Click(origin, thread);
            await bot.DispatchInteractionAsync(InteractionPayloads.StringSelect($"eb:pickres:{first.Id:N}", ["1"], bot.Discord.ToMessageJson(chooser), pick), chooser.Id);
            var token = pick.Token;
            await Eventually.WaitUntilAsync(
                () => bot.Discord.GetInteraction(token) is { } i && (i.Modal is not null || i.LateRefusals > 0), "the refine modal");
            if (bot.Discord.GetInteraction(token)!.Modal is not null)
            {
                break;
            }

            Assert.True(attempt < 3, "the bot opened the modal after Discord's 3 s deadline three times in a row");
        }

        var modalId = bot.Discord.GetInteraction(pick.Token)!.Modal!["custom_id"]!.GetValue<string>();
        Assert.Equal($"eb:refine:{first.Id:N}:1", modalId);

        await bot.DispatchInteractionAsync(InteractionPayloads.ModalSubmit(modalId, [ModalField.TextInput("prompt", "now in winter")], Click(origin, thread)));

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("now in winter")).State);
        var sent = bot.Gmi.FindByPrompt("now in winter")!;
        var other = result.Attachments.Single(a => a.Filename.StartsWith("edit-1.", StringComparison.Ordinal));
        Assert.True(
            Distance(sent.ImageFacts!.Bytes, delivered.Bytes) < Distance(sent.ImageFacts.Bytes, other.Bytes),
            "the image sent to GMI is the second result, not the first");
        Assert.Equal(1, bot.Gmi.SubmissionsFor("two candidates"));
    }

    private static InteractionOrigin Click(InteractionOrigin origin, ulong thread) => origin with
    {
        InteractionId = TestSnowflakes.Next(),
        Token = "click-" + Guid.NewGuid().ToString("N"),
        ChannelId = thread.ToString(CultureInfo.InvariantCulture),
        ChannelType = 11,
    };

    private static async Task<FakeMessage> AnswerAsync(BotHarness bot, InteractionOrigin press)
    {
        var interaction = bot.Discord.GetInteraction(press.Token)!;
        await Eventually.WaitUntilAsync(
            () => interaction.OriginalMessageId is not null || interaction.LateRefusals > 0,
            "the answer to the press");
        Assert.True(interaction.LateRefusals == 0, "the bot answered the press after Discord's 3 s deadline");
        return bot.Discord.GetMessage(bot.Discord.GetInteraction(press.Token)!.OriginalMessageId!.Value)!;
    }

    /// <summary>Mean absolute difference of the two images' colours, both scaled to 32×32 (encodings may differ).</summary>
    private static double Distance(byte[] a, byte[] b)
    {
        using var left = Thumb(a);
        using var right = Thumb(b);
        double sum = 0;
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var (p, q) = (left.GetPixel(x, y), right.GetPixel(x, y));
                sum += Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue);
            }
        }

        return sum / (32 * 32 * 3);
    }

    private static SKBitmap Thumb(byte[] encoded)
    {
        using var decoded = SKBitmap.Decode(encoded);
        return decoded.Resize(new SKImageInfo(32, 32), new SKSamplingOptions(SKFilterMode.Linear));
    }
}

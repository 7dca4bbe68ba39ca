using System.Net;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Microsoft.Data.Sqlite;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// The Http transport when a handler is slower than the endpoint's reply timeout: the endpoint's deferral is the one
/// acknowledgement Discord accepts, so the handler's own first answer must reach the user another way.
/// </summary>
public sealed class HttpTransportSlowHandlerTests
{
    [Fact]
    public async Task A_modal_that_comes_after_the_endpoint_deferred_becomes_a_private_apology_with_one_acknowledgement()
    {
        using var sender = new SignedInteractionSender();
        await using var bot = await BotHarness.StartAsync(
            new Dictionary<string, string>
            {
                ["Discord:Transport"] = "Http",
                ["Discord:PublicKey"] = sender.PublicKeyHex,
                // Well inside Discord's 3 s, so a busy machine cannot push the deferral itself past the deadline.
                ["Discord:HttpInteractions:ReplyTimeout"] = "00:00:01.500",
            },
            waitForReady: false);
        // This test is about what follows the endpoint's deferral, not about the deadline: on a starved machine the
        // deferral itself can pass 3 s, and the fake would then (rightly) refuse it as Discord does.
        bot.Discord.InteractionResponseDeadline = null;
        var channel = ulong.Parse(InteractionOrigin.DefaultChannelId, System.Globalization.CultureInfo.InvariantCulture);
        var image = bot.Discord.AddAttachment("room.png", TestImages.Png(64, 64));
        var target = bot.Discord.AddMessage(channel, "my room", attachments: [image]);
        var payload = InteractionPayloads.MessageCommand("Edit image", bot.Discord.ToMessageJson(target, fullContent: true), InteractionOrigin.Guild);
        var token = payload["token"]!.GetValue<string>();
        // Discord sends no command before the bot has registered it (at start-up, in the background).
        await Eventually.WaitUntilAsync(() => bot.Discord.IsCommandRegistered(payload), "the bot to register its commands");

        // The handler saves the chosen target before it may open the modal; holding the database's write lock makes
        // that save wait (as under a busy store), so the endpoint defers on the handler's behalf.
        using (var blocker = new SqliteConnection(bot.Settings(null)["Storage:ConnectionString"]))
        {
            await blocker.OpenAsync();
            using (var hold = blocker.CreateCommand())
            {
                hold.CommandText = "BEGIN IMMEDIATE;";
                await hold.ExecuteNonQueryAsync();
            }

            using var response = await bot.Discord.SendSignedInteractionAsync(sender, new Uri(bot.HttpBase, "/interactions"), payload);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var release = blocker.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        var fake = bot.Discord.GetInteraction(token)!;
        try
        {
            await Eventually.WaitUntilAsync(
                () => fake.AlreadyAcknowledgedRefusals > 0 || fake.FollowupMessageIds.Count > 0,
                "the handler's answer to reach Discord", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException timeout)
        {
            var wire = string.Join("\n", bot.Discord.Requests.Select(r => $"{r.Status} {r.Method} {r.RouteKey}"));
            throw new TimeoutException($"{timeout.Message} HTTP reply: {fake.HttpReply?.ToJsonString()}; wire:\n{wire}", timeout);
        }

        Assert.Equal(5, fake.HttpReply!["type"]!.GetValue<int>());
        Assert.Equal(1, fake.Acknowledgements);
        Assert.Equal(0, fake.AlreadyAcknowledgedRefusals);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.RouteKey!.EndsWith("/callback", StringComparison.Ordinal));
        var answer = bot.Discord.GetMessage(Assert.Single(fake.FollowupMessageIds))!;
        Assert.Equal((EditBot.Discord.Interactions.InteractionResponder.ModalTooLate, true), (answer.Content, answer.IsEphemeral));
        Assert.True(bot.Discord.GetMessage(fake.OriginalMessageId!.Value)!.Deleted); // the public "thinking…" is gone
        bot.Discord.AssertNoContractViolations();
    }
}

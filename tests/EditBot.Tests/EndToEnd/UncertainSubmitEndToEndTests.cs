using System.Globalization;
using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Gmi;
using EditBot.TestSupport;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// A submit whose answer was lost while GMI's list cannot rule it out is never sent again on its own: the requester
/// sees why on the progress message, and only the server's admins can press "Send again" (risking a second charge).
/// </summary>
public sealed class UncertainSubmitEndToEndTests
{
    [Fact]
    public async Task The_requester_sees_why_it_was_not_sent_again_and_only_a_server_admin_can_send_it_again()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Gmi.ListPageSize = 0; // the list GMI answers holds none of its records: no match can be ruled out
        bot.Gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());

        var origin = await bot.SlashEditAsync("answer lost, list unreadable", bot.Image());
        var failed = await bot.WaitForJobAsync("answer lost, list unreadable");
        Assert.Equal(FailureCode.SubmitUncertain, failed.Failure!.Code);
        var progressId = bot.Discord.GetInteraction(origin.Token)!.OriginalMessageId!.Value;
        await Eventually.WaitUntilAsync(() => bot.Discord.GetMessage(progressId)!.Content.Contains("was not sent again", StringComparison.Ordinal), "the failure on the progress message");
        var progress = bot.Discord.GetMessage(progressId)!;
        Assert.Contains("GMI may already have accepted this edit; it was not sent again", progress.Content, StringComparison.Ordinal);
        Assert.Contains($"eb:resend:{failed.Id:N}", progress.Components.ToJsonString(), StringComparison.Ordinal);

        var byRequester = Press(origin);
        await bot.DispatchInteractionAsync(InteractionPayloads.ButtonClick($"eb:resend:{failed.Id:N}", bot.Discord.ToMessageJson(progress), byRequester), progressId);
        await Eventually.WaitUntilAsync(() => bot.InteractionTraffic(byRequester).Contains("(Manage Server) can send it again", StringComparison.Ordinal), "the refusal");
        Assert.Equal(1, bot.Gmi.SubmissionsFor("answer lost, list unreadable"));

        var byAdmin = Press(origin with { User = DiscordUserSpec.OtherUser }).AsAdmin();
        await bot.DispatchInteractionAsync(InteractionPayloads.ButtonClick($"eb:resend:{failed.Id:N}", bot.Discord.ToMessageJson(progress), byAdmin), progressId);

        var done = await bot.WaitForJobAsync("answer lost, list unreadable", j => j.State == JobState.Done);
        Assert.Equal(2, bot.Gmi.SubmissionsFor("answer lost, list unreadable")); // the admin's explicit choice
        Assert.Single(bot.ResultMessages(bot.ThreadOf(BotHarnessEdits.DefaultChannel)));
        Assert.Contains("Sent again", bot.InteractionTraffic(byAdmin), StringComparison.Ordinal);
        Assert.Equal(failed.Id, done.Id);
    }

    private static InteractionOrigin Press(InteractionOrigin origin) => origin with
    {
        InteractionId = TestSnowflakes.Next(),
        Token = "press-" + Guid.NewGuid().ToString("N"),
    };
}

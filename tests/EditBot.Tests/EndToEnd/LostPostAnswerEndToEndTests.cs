using EditBot.Core.Jobs;
using EditBot.Tests.Support;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// A result post that reached Discord but whose answer was lost, retried after Discord forgot its nonce (as after a
/// long outage): the retry finds the message already in the channel instead of posting the results twice.
/// </summary>
public sealed class LostPostAnswerEndToEndTests
{
    private const string ChannelMessages = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task A_result_post_whose_answer_was_lost_is_found_and_not_posted_again_after_the_nonce_window()
    {
        await using var bot = await BotHarness.StartAsync(configureDiscord: d =>
        {
            d.NonceLifetime = TimeSpan.Zero; // the retry comes after Discord stopped deduplicating the nonce
            d.LoseAnswers(ChannelMessages);
        });

        await bot.SlashEditAsync("answer lost on the way back", bot.Image());
        var job = await bot.WaitForJobAsync("answer lost on the way back");

        Assert.Equal(JobState.Done, job.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        Assert.Single(bot.ResultMessages(thread));
        Assert.Single(bot.Discord.Requests, r => r.RouteKey == ChannelMessages); // one send: the retry only looked
        Assert.Contains(bot.Discord.Requests, r => r.RouteKey == "GET /channels/{channel_id}/messages");
    }
}

using EditBot.Discord.Gateway;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// The whole bot against the fake gateway's limits, with the budget it learns from <c>GET /gateway/bot</c>: the
/// fake spends one session start per IDENTIFY and, as Discord, resets the token of a bot that identifies beyond it.
/// </summary>
public sealed class BotGatewayLimitsTests
{
    [Fact]
    public async Task With_one_session_start_left_a_lost_session_waits_for_the_reset_and_the_token_survives()
    {
        await using var bot = await BotHarness.StartAsync(configureDiscord: d =>
        {
            d.SessionStartTotal = 3;
            d.SessionStartRemaining = 1;
            d.SessionStartResetAfter = TimeSpan.FromSeconds(2);
        });
        var state = bot.Services.GetRequiredService<GatewayState>();
        await Eventually.WaitUntilAsync(() => state.AllReady, "the bot to read READY");

        await bot.Gateway.SendInvalidSessionAsync(resumable: false);
        await bot.Gateway.WaitForIdentifyAsync(2, TimeSpan.FromSeconds(30));
        await bot.Gateway.WaitForLiveSessionsAsync();

        Assert.False(bot.Gateway.TokenReset);
        Assert.DoesNotContain(4004, bot.Gateway.ServerCloseCodes);
        Assert.Equal(2, bot.Gateway.SessionStarts.Remaining); // the second IDENTIFY came from the new window
    }

    [Fact]
    public async Task The_bot_connects_with_the_query_and_resumes_on_the_resume_gateway_url()
    {
        await using var bot = await BotHarness.StartAsync();
        var state = bot.Services.GetRequiredService<GatewayState>();
        await Eventually.WaitUntilAsync(() => state.AllReady, "the bot to read READY (it holds the session id)");

        await bot.Gateway.SendReconnectAsync();
        var resume = await bot.Gateway.WaitForResumeAsync();
        await bot.Gateway.WaitForLiveSessionsAsync();

        Assert.True(resume.AtResumeUrl);
        Assert.Single(bot.Gateway.Identifies);
        Assert.Empty(bot.Gateway.ServerCloseCodes);
    }
}

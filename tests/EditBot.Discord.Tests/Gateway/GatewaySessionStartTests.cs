using EditBot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>
/// The limits on IDENTIFY, as the fake gateway enforces them: the daily session-start budget (overspending it costs
/// the token) and the per-bucket pacing, both at the harness's own values.
/// </summary>
public sealed class GatewaySessionStartTests
{
    [Fact]
    public async Task With_the_daily_budget_spent_the_shard_waits_for_its_reset_before_identifying_again()
    {
        var time = new FakeTimeProvider();
        await using var h = await GatewayHarness.CreateAsync(time);
        h.Gateway.SessionStarts.Total = 5;
        h.Gateway.SessionStarts.Remaining = 1;
        h.Gateway.SessionStarts.ResetAfter = TimeSpan.FromMinutes(10);
        h.Limits = Limits(h, remaining: 1, TimeSpan.FromMinutes(10));
        h.Start();
        await h.WaitForEventsAsync(e => e.Any(x => x.Type == "READY"), "READY");

        await h.Gateway.SendInvalidSessionAsync(resumable: false);
        await h.WaitAsync(() => h.Gateway.Identifies.Count == 2 && h.Gateway.LiveSessionCount == 1, "the identify after the reset", step: TimeSpan.FromSeconds(5));

        Assert.False(h.Gateway.TokenReset);
        Assert.DoesNotContain(4004, h.Gateway.ServerCloseCodes);
        Assert.Equal(4, h.Gateway.SessionStarts.Remaining); // the new day's budget, one spent
    }

    [Fact]
    public async Task An_identify_beyond_the_budget_costs_the_token_every_session_and_ends_the_shard()
    {
        await using var h = await GatewayHarness.CreateAsync();
        h.Gateway.SessionStarts.Remaining = 1;
        h.Limits = Limits(h, remaining: 1000, TimeSpan.FromDays(1)); // a client that believes it has plenty left
        h.Start();
        await h.WaitForEventsAsync(e => e.Any(x => x.Type == "READY"), "READY");

        await h.Gateway.SendInvalidSessionAsync(resumable: false);

        // Old fake: the budget was only a number in /gateway/bot; the second IDENTIFY got READY.
        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => h.Run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(4004, fatal.CloseCode);
        Assert.True(h.Gateway.TokenReset);
        Assert.Equal(2, h.Gateway.Identifies.Count);
        Assert.Equal(0, h.Gateway.LiveSessionCount);
    }

    [Fact]
    public async Task At_the_harness_interval_an_identify_that_does_not_wait_for_its_slot_is_closed_with_4008()
    {
        var time = new FakeTimeProvider();
        await using var h = await GatewayHarness.CreateAsync(time);
        h.Start();
        h.IdentifyGate.BucketInterval = TimeSpan.Zero; // an unpaced client; the fake keeps the harness's interval
        await h.WaitForEventsAsync(e => e.Any(x => x.Type == "READY"), "READY");

        await h.Gateway.SendInvalidSessionAsync(resumable: false);

        // Old fake: 100 ms of arrival slack against a 50 ms interval let every early identify through.
        await h.WaitAsync(() => h.Gateway.ServerCloseCodes.Contains(4008), "close 4008", step: TimeSpan.FromMilliseconds(2));
        Assert.True(h.Gateway.IdentifyArrivalSlack < h.Gateway.IdentifyInterval);
    }

    private static GatewayBotInfo Limits(GatewayHarness h, int remaining, TimeSpan resetAfter) =>
        new(h.Gateway.Url, 1, h.Gateway.SessionStarts.Total, remaining, resetAfter, 1);
}

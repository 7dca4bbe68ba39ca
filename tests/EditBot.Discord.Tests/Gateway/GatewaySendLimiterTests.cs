using EditBot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task Ordinary_sends_beyond_the_window_budget_wait_for_the_next_window()
    {
        var time = new FakeTimeProvider();
        using var limiter = new GatewaySendLimiter(time, limit: 120, window: TimeSpan.FromSeconds(60), heartbeatReserve: 4);
        for (var i = 0; i < 116; i++)
        {
            await limiter.TakeAsync(CancellationToken.None);
        }

        var next = limiter.TakeAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(next.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        Assert.False(next.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, limiter.Used);
    }

    [Fact]
    public async Task Heartbeats_get_through_when_the_budget_is_used_and_stay_within_the_hard_limit()
    {
        var time = new FakeTimeProvider();
        using var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < 116; i++)
        {
            await limiter.TakeAsync(CancellationToken.None);
        }

        for (var i = 0; i < 4; i++)
        {
            limiter.TakeForHeartbeat();
        }

        Assert.Equal(120, limiter.Used);
        Assert.Equal(limiter.Limit, limiter.Used);
    }

    [Fact]
    public async Task Waiting_send_can_be_cancelled()
    {
        var time = new FakeTimeProvider();
        using var limiter = new GatewaySendLimiter(time, limit: 3, heartbeatReserve: 1);
        await limiter.TakeAsync(CancellationToken.None);
        await limiter.TakeAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.TakeAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}

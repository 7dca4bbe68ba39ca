using EditBot.Core.Polling;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Core.Tests;

public sealed class PollBudgetTests
{
    [Fact]
    public void A_burst_is_allowed_then_polls_are_deferred_to_distinct_later_slots()
    {
        var time = new FakeTimeProvider();
        var budget = new PollBudget(perSecond: 2, burst: 3, time);

        Assert.True(budget.TryAcquire(out _));
        Assert.True(budget.TryAcquire(out _));
        Assert.True(budget.TryAcquire(out _));
        Assert.False(budget.TryAcquire(out var first));
        Assert.False(budget.TryAcquire(out var second));

        Assert.Equal(0.5, first.TotalSeconds, 3);
        Assert.Equal(1.0, second.TotalSeconds, 3);
    }

    [Fact]
    public void Tokens_refill_with_time_at_the_configured_rate()
    {
        var time = new FakeTimeProvider();
        var budget = new PollBudget(perSecond: 4, burst: 1, time);
        Assert.True(budget.TryAcquire(out _));
        Assert.False(budget.TryAcquire(out _));

        time.Advance(TimeSpan.FromMilliseconds(260));
        Assert.True(budget.TryAcquire(out _));
        Assert.False(budget.TryAcquire(out _));
    }

    [Fact]
    public void Over_a_long_run_the_budget_is_never_exceeded()
    {
        var time = new FakeTimeProvider();
        var budget = new PollBudget(perSecond: 20, burst: 20, time);
        var granted = 0;
        for (var tick = 0; tick < 10_000; tick++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            while (budget.TryAcquire(out _))
            {
                granted++;
            }
        }

        Assert.InRange(granted, 195, 221);
    }
}

using EditBot.Core.Cluster;
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

    // Issue 15: Engine:PollBudgetPerSecond is one budget for the deployment. Old code: every instance polled at the
    // whole rate.
    [Fact]
    public void With_instances_sharing_the_store_each_polls_at_its_share_and_not_at_all_before_it_joined()
    {
        var time = new FakeTimeProvider();
        var shares = new ClusterShares([new NoRegistry()]);
        var budget = new PollBudget(perSecond: 4, burst: 4, time, shares);

        Assert.False(budget.TryAcquire(out var beforeJoining));
        Assert.True(beforeJoining > TimeSpan.Zero);

        shares.Apply(new Dictionary<string, int> { [ClusterRole.StatusPolls.Name] = 2 });
        shares.MarkJoined();
        Assert.Equal(2, budget.PerSecond);
        time.Advance(TimeSpan.FromSeconds(10));
        var granted = 0;
        for (var i = 0; i < 40; i++)
        {
            granted += budget.TryAcquire(out _) ? 1 : 0;
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        // Ten seconds at half of 4/s, plus half the burst.
        Assert.InRange(granted, 20, 22);
    }

    private sealed class NoRegistry : IInstanceRegistry
    {
        public Task<IReadOnlyDictionary<string, int>> HeartbeatAsync(string instanceId, IReadOnlyCollection<string> roles, TimeSpan liveWithin, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task LeaveAsync(string instanceId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

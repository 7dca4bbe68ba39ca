using EditBot.Core.Polling;

namespace EditBot.Core.Tests;

public sealed class AdaptivePollingPolicyTests
{
    private static readonly DurationKey Key = new("MEDIUM", "1024X1024", 1);
    private static readonly PollingSettings Settings = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(0.12), 1.5);

    /// <summary>The poll times of a job that never finishes, up to <paramref name="horizon"/> seconds.</summary>
    private static List<double> Schedule(AdaptivePollingPolicy policy, DurationKey key, double horizon)
    {
        var times = new List<double>();
        var t = 0.0;
        while (t < horizon)
        {
            t += policy.NextPollDelay(key, TimeSpan.FromSeconds(t)).TotalSeconds;
            times.Add(t);
        }

        return times;
    }

    private static AdaptivePollingPolicy Trained(double medianSeconds, double sigma, int jobs = 400)
    {
        var policy = new AdaptivePollingPolicy(Settings);
        var random = new Random(7);
        for (var i = 0; i < jobs; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            policy.Observe(Key, TimeSpan.FromSeconds(medianSeconds * Math.Exp(sigma * z)));
        }

        return policy;
    }

    [Fact]
    public void Polls_are_sparse_well_before_the_expected_time_and_dense_around_it()
    {
        var policy = Trained(25, 0.4);
        var early = policy.NextPollDelay(Key, TimeSpan.Zero);
        var nearMedian = policy.NextPollDelay(Key, TimeSpan.FromSeconds(25));

        Assert.True(early >= TimeSpan.FromSeconds(8), $"first poll after {early}");
        Assert.True(nearMedian <= TimeSpan.FromSeconds(3), $"interval near the median {nearMedian}");
        Assert.True(early > nearMedian * 3);
    }

    [Fact]
    public void Past_the_tail_the_interval_grows_geometrically_up_to_the_cap()
    {
        var policy = Trained(25, 0.4);
        var (median, p95) = policy.Expected(Key);
        var p99 = median.TotalSeconds * Math.Pow(p95 / median, 2.3263479 / 1.6448536);
        var times = Schedule(policy, Key, 900).Where(t => t > p99).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();

        Assert.True(gaps.Count > 5);
        for (var i = 1; i < gaps.Count; i++)
        {
            Assert.True(gaps[i] >= gaps[i - 1] - 1e-9, $"gap {i} shrank: {gaps[i - 1]} -> {gaps[i]}");
        }

        Assert.Equal(1.5, gaps[1] / gaps[0], 2);
        Assert.Equal(1.5, gaps[2] / gaps[1], 2);
        Assert.Equal(30, gaps[^1], 3);
    }

    [Fact]
    public void Every_interval_stays_within_the_configured_bounds()
    {
        var policy = Trained(3, 0.2);
        var times = Schedule(policy, Key, 3600);
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Prepend(times[0]);

        Assert.All(gaps, g => Assert.InRange(g, 1 - 1e-9, 30 + 1e-9));
    }

    [Fact]
    public void Learning_longer_durations_moves_the_first_poll_and_the_expectation_later()
    {
        var untrained = new AdaptivePollingPolicy(Settings);
        var before = untrained.NextPollDelay(Key, TimeSpan.Zero);
        var slow = Trained(90, 0.3);

        Assert.InRange(slow.Expected(Key).Median.TotalSeconds, 80, 100);
        Assert.True(slow.NextPollDelay(Key, TimeSpan.Zero) > before);
        var fast = Trained(8, 0.3);
        Assert.True(fast.NextPollDelay(Key, TimeSpan.Zero) < before);
    }

    [Fact]
    public void Keys_learn_independently_and_start_from_quality_and_count_defaults()
    {
        var policy = Trained(90, 0.3);
        var other = new DurationKey("LOW", "1024X1024", 1);
        var manyHigh = new DurationKey("HIGH", "1024X1024", 4);

        Assert.Equal(15, policy.Expected(other).Median.TotalSeconds, 3);
        Assert.True(policy.Expected(manyHigh).Median > policy.Expected(new DurationKey("HIGH", "1024X1024", 1)).Median);
    }

    [Fact]
    public void A_higher_poll_cost_spends_fewer_polls_on_the_same_job()
    {
        var cheap = Trained(25, 0.5);
        var dearSettings = Settings with { PollCost = TimeSpan.FromSeconds(1) };
        var dear = new AdaptivePollingPolicy(dearSettings);
        foreach (var seconds in Enumerable.Range(0, 400).Select(i => 25 * Math.Exp(0.5 * ((i % 21) - 10) / 6.0)))
        {
            dear.Observe(Key, TimeSpan.FromSeconds(seconds));
        }

        Assert.True(Schedule(dear, Key, 60).Count < Schedule(cheap, Key, 60).Count);
    }
}

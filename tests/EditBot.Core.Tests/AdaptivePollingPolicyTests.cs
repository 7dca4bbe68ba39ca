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

    private static AdaptivePollingPolicy TrainedWithProcessing(double totalMedian, double processingMedian, double sigma = 0.25)
    {
        var policy = Trained(totalMedian, 0.35);
        var random = new Random(11);
        for (var i = 0; i < 400; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            policy.ObserveProcessing(Key, TimeSpan.FromSeconds(processingMedian * Math.Exp(sigma * z)));
        }

        return policy;
    }

    private static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(s);

    [Fact]
    public void Once_processing_is_seen_the_next_delay_counts_from_the_processing_start_not_the_submission()
    {
        var policy = TrainedWithProcessing(totalMedian: 30, processingMedian: 20);

        // Processing began between the polls at 38 and 40 s (estimated 39 s), or twenty seconds later.
        var early = policy.NextPollDelay(Key, Seconds(40), new PollSightings(Seconds(38), Seconds(40)));
        var late = policy.NextPollDelay(Key, Seconds(60), new PollSightings(Seconds(58), Seconds(60)));
        var unseenAt40 = policy.NextPollDelay(Key, Seconds(40));

        Assert.Equal(early, late);
        Assert.NotEqual(unseenAt40, policy.NextPollDelay(Key, Seconds(60)));
        // 1 s into a processing time of median 20 s the result is far off; 40 s after submission, past the median, it is not.
        Assert.True(early >= Seconds(8), $"next poll {early} after processing was seen");
        Assert.True(unseenAt40 <= Seconds(4), $"next poll {unseenAt40} without the sighting");
        Assert.Equal(policy.NextPollDelay(Key, Seconds(55), new PollSightings(Seconds(38), Seconds(40))),
            policy.NextPollDelay(Key, Seconds(75), new PollSightings(Seconds(58), Seconds(60))));
    }

    [Fact]
    public void Without_anything_seen_the_delay_is_the_submission_one_whatever_processing_times_were_learned()
    {
        var plain = Trained(30, 0.35);
        var withProcessing = TrainedWithProcessing(totalMedian: 30, processingMedian: 5);

        foreach (var elapsed in Enumerable.Range(0, 40).Select(i => Seconds(i * 3.7)))
        {
            Assert.Equal(plain.NextPollDelay(Key, elapsed), withProcessing.NextPollDelay(Key, elapsed, PollSightings.None));
        }
    }

    [Fact]
    public void A_waiting_answer_restarts_the_schedule_once_the_key_has_been_seen_processing()
    {
        var seenBefore = TrainedWithProcessing(totalMedian: 30, processingMedian: 20);
        var neverSeen = Trained(30, 0.35);
        var stillQueued = new PollSightings(Seconds(50), null);

        // A memoryless queue: a request still waiting at 50 s has as far to go as a new one.
        Assert.Equal(seenBefore.NextPollDelay(Key, TimeSpan.Zero), seenBefore.NextPollDelay(Key, Seconds(50), stillQueued));
        Assert.Equal(seenBefore.NextPollDelay(Key, Seconds(6)), seenBefore.NextPollDelay(Key, Seconds(56), stillQueued));
        // A key whose requests were never seen processing may be served by a queue that never says so: unchanged.
        Assert.Equal(neverSeen.NextPollDelay(Key, Seconds(50)), neverSeen.NextPollDelay(Key, Seconds(50), stillQueued));
    }

    [Fact]
    public void Processing_times_are_learned_apart_from_submission_to_done_times()
    {
        var shortProcessing = TrainedWithProcessing(totalMedian: 30, processingMedian: 10);
        var longProcessing = TrainedWithProcessing(totalMedian: 30, processingMedian: 25);
        var justSeen = new PollSightings(Seconds(20), Seconds(21));

        Assert.Equal(shortProcessing.Expected(Key), longProcessing.Expected(Key));
        Assert.True(shortProcessing.NextPollDelay(Key, Seconds(21), justSeen) < longProcessing.NextPollDelay(Key, Seconds(21), justSeen));
    }
}

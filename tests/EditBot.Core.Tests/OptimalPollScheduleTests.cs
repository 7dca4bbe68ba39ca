using EditBot.TestSupport.Polling;

namespace EditBot.Core.Tests;

/// <summary>
/// The benchmark's optimal-schedule solver (EditBot.TestSupport.Polling), on distributions whose optimum is known by hand.
/// </summary>
public sealed class OptimalPollScheduleTests
{
    private const double Step = 0.05;

    [Fact]
    public void A_job_that_always_takes_ten_seconds_is_polled_once_at_ten_seconds()
    {
        var schedule = OptimalPollSchedule.Solve(CompletionDistribution.PointMass(10, Step), pollCost: 0.4, minInterval: 1, maxInterval: 30);

        Assert.Equal([10.0], schedule.Times.Select(t => Math.Round(t, 6)));
        Assert.Equal(1, schedule.MeanPolls, 9);
        Assert.Equal(0, schedule.MeanDelay, 9);
        var sample = OptimalPollSchedule.Solve(CompletionDistribution.FromSample([10.0, 10.0, 10.0], Step), pollCost: 0.4, minInterval: 1, maxInterval: 30);
        Assert.Equal(schedule.Times, sample.Times);
        Assert.Equal(schedule.Cost(0.4), sample.Cost(0.4), 9);
    }

    [Fact]
    public void With_the_interval_capped_the_first_polls_are_spent_as_late_as_the_cap_allows()
    {
        var schedule = OptimalPollSchedule.Solve(CompletionDistribution.FromSample([50.0], Step), pollCost: 0.5, minInterval: 1, maxInterval: 30);

        // Two polls are needed; any first poll in [20, 30] s followed by one at 50 s costs the same: one at or before
        // 30 s (the cap) and one exactly at completion.
        Assert.Equal(2, schedule.Times.Count);
        Assert.InRange(schedule.Times[0], 20 - 1e-6, 30 + 1e-6);
        Assert.Equal(50.0, schedule.Times[1], 6);
    }

    /// <summary>
    /// Polls at 10 and 20 s cost λ + λ/2 (one job left after the first) with no delay; one poll at 20 s costs λ plus the
    /// 10 s the first job waits, on average 5 s. The extra poll is worth it below λ = 10.
    /// </summary>
    [Fact]
    public void Between_two_equally_likely_durations_a_cheap_poll_checks_the_first_and_a_dear_one_waits_for_the_second()
    {
        var sample = CompletionDistribution.FromSample([10.0, 20.0], Step);

        Assert.Equal([10.0, 20.0], OptimalPollSchedule.Solve(sample, pollCost: 9, minInterval: 1, maxInterval: 30).Times.Select(t => Math.Round(t, 6)));
        Assert.Equal([20.0], OptimalPollSchedule.Solve(sample, pollCost: 11, minInterval: 1, maxInterval: 30).Times.Select(t => Math.Round(t, 6)));
    }

    [Fact]
    public void A_job_done_before_the_minimum_interval_is_polled_at_the_minimum_interval()
    {
        var schedule = OptimalPollSchedule.Solve(CompletionDistribution.PointMass(0.4, Step), pollCost: 0.4, minInterval: 1, maxInterval: 30);

        Assert.Equal([1.0], schedule.Times.Select(t => Math.Round(t, 6)));
        Assert.Equal(0.6, schedule.MeanDelay, 9);
    }

    /// <summary>
    /// Uniform on [0, L]: setting the derivative of Σ Δᵢ²/2L + λ·Σ(1 − tᵢ₋₁/L) in tᵢ to zero gives Δᵢ − Δᵢ₊₁ = λ, so the
    /// intervals shrink by λ. With L = 10 and λ = 1 that is 4, 3, 2, 1 (polls at 4, 7, 9, 10; the last interval is the
    /// minimum): delay (16 + 9 + 4 + 1)/20 = 1.5 s, polls 1 + 0.6 + 0.3 + 0.1 = 2, cost 3.5; three polls cost 3.57.
    /// </summary>
    [Fact]
    public void For_a_uniform_duration_the_intervals_shrink_by_the_poll_cost()
    {
        var schedule = OptimalPollSchedule.Solve(CompletionDistribution.Uniform(0, 10, Step), pollCost: 1, minInterval: 1, maxInterval: double.PositiveInfinity);

        Assert.Equal([4.0, 7.0, 9.0, 10.0], schedule.Times.Select(t => Math.Round(t, 6)));
        Assert.Equal(1.5, schedule.MeanDelay, 9);
        Assert.Equal(2.0, schedule.MeanPolls, 9);
        Assert.Equal(3.5, schedule.Cost(1), 9);
    }

    [Fact]
    public void With_a_negligible_poll_cost_the_schedule_polls_at_the_minimum_interval()
    {
        var schedule = OptimalPollSchedule.Solve(CompletionDistribution.Uniform(0, 10, Step), pollCost: 1e-4, minInterval: 1, maxInterval: 30);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (double)i), schedule.Times.Select(t => Math.Round(t, 6)));
        Assert.Equal(0.5, schedule.MeanDelay, 9);
        Assert.Equal(5.5, schedule.MeanPolls, 9);
    }

    /// <summary>With polls dear, as few as the 3 s cap allows and each as late as it allows: 3, 6, 9, then 10.</summary>
    [Fact]
    public void The_maximum_interval_bounds_every_gap()
    {
        var schedule = OptimalPollSchedule.Solve(CompletionDistribution.Uniform(0, 10, Step), pollCost: 100, minInterval: 1, maxInterval: 3);

        Assert.Equal([3.0, 6.0, 9.0, 10.0], schedule.Times.Select(t => Math.Round(t, 6)));
        Assert.Equal(2.2, schedule.MeanPolls, 9);
    }

    [Fact]
    public void The_frontier_at_an_optimum_s_own_delay_gives_its_polls()
    {
        var optimum = OptimalPollSchedule.Frontier(CompletionDistribution.Uniform(0, 10, Step), 1, double.PositiveInfinity);

        Assert.Equal(2.0, PollFrontier.PollsAtDelay(optimum, 1.5)!.Value, 3);
    }

    [Fact]
    public void The_frontier_trades_polls_for_delay_and_interpolates_between_its_points()
    {
        var optimum = OptimalPollSchedule.Frontier(CompletionDistribution.FromSample([10.0, 20.0], Step), 1, 30);

        Assert.Equal([(0.0, 1.5), (5.0, 1.0)], PollFrontier.Sweep(optimum, [1, 20]).Select(p => (Math.Round(p.MeanDelay, 6), Math.Round(p.MeanPolls, 6))));
        Assert.Equal(1.25, PollFrontier.PollsAtDelay(optimum, 2.5)!.Value, 6);
        Assert.Null(PollFrontier.PollsAtDelay(optimum, 6));
    }

    [Fact]
    public void The_log_normal_and_the_queue_then_processing_distributions_have_their_known_means()
    {
        var sigma = Math.Log(90.0 / 25) / 1.6448536;
        var logNormal = CompletionDistribution.LogNormal(25, 90, Step);
        var queued = CompletionDistribution.QueueThenLogNormal(10, 20, 30, Step);
        var processingSigma = Math.Log(30.0 / 20) / 1.6448536;

        Assert.Equal(25 * Math.Exp(sigma * sigma / 2), logNormal.Mean, 2);
        Assert.Equal(10 + (20 * Math.Exp(processingSigma * processingSigma / 2)), queued.Mean, 2);
        Assert.InRange(logNormal.TailMass, 0, 1e-6);
    }

    [Fact]
    public void Seeing_the_queue_never_makes_the_optimum_worse_than_knowing_only_the_distribution()
    {
        var aware = new QueueAwareOptimum(10, 20, 30, step: 0.1, minInterval: 1, maxInterval: 30, candidateStep: 1);
        var blind = CompletionDistribution.QueueThenLogNormal(10, 20, 30, 0.1);
        foreach (var cost in new[] { 0.1, 0.4, 2 })
        {
            var seeing = aware.Solve(cost);
            var notSeeing = OptimalPollSchedule.Solve(blind, cost, 1, 30);

            Assert.True(seeing.MeanDelay + (cost * seeing.MeanPolls) <= notSeeing.Cost(cost) + 1e-6, $"λ = {cost}");
        }
    }
}

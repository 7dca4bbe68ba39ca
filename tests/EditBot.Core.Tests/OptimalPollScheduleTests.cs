using EditBot.TestSupport.Polling;

namespace EditBot.Core.Tests;

/// <summary>The benchmark's oracle (the best schedule by dynamic programming) on cases solved by hand.</summary>
public sealed class OptimalPollScheduleTests
{
    [Fact]
    public void Jobs_that_all_take_ten_seconds_are_best_polled_once_at_ten_seconds()
    {
        var optimum = new OptimalPollSchedule([10.0, 10.0, 10.0], minInterval: 1, maxInterval: 30);

        var schedule = optimum.Schedule(lambda: 0.5);

        Assert.Equal(10.0, schedule[0], 6);
        Assert.Equal((1.0, 0.0), optimum.Evaluate(schedule));
    }

    [Fact]
    public void With_the_interval_capped_the_first_polls_are_spent_as_late_as_the_cap_allows()
    {
        var optimum = new OptimalPollSchedule([50.0], minInterval: 1, maxInterval: 30);

        var schedule = optimum.Schedule(lambda: 0.5);

        // Two polls are needed; any first poll in [20, 30] s followed by one at 50 s costs the same: one at or before
        // 30 s (the cap) and one exactly at completion.
        Assert.Equal(2, schedule.TakeWhile(t => t <= 50 + 1e-9).Count());
        Assert.InRange(schedule[0], 20 - 1e-6, 30 + 1e-6);
        Assert.Equal(50.0, schedule[1], 6);
    }

    [Fact]
    public void Between_two_equally_likely_durations_a_cheap_poll_checks_the_first_and_a_dear_one_waits_for_the_second()
    {
        var optimum = new OptimalPollSchedule([10.0, 20.0], minInterval: 1, maxInterval: 30);

        // Polls at 10 and 20 cost 2·lambda + lambda (one job left) with no delay; one poll at 20 costs 2·lambda plus the
        // 10 s the first job waits. The extra poll is worth it below lambda 10.
        Assert.Equal([10.0, 20.0], optimum.Schedule(lambda: 9).Take(2).Select(t => Math.Round(t, 6)));
        Assert.Equal(20.0, optimum.Schedule(lambda: 11)[0], 6);
    }

    [Fact]
    public void The_frontier_trades_polls_for_delay_and_interpolates_between_its_points()
    {
        var optimum = new OptimalPollSchedule([10.0, 20.0], minInterval: 1, maxInterval: 30);

        var frontier = optimum.Frontier([1, 20]);

        Assert.Equal([(0.0, 1.5), (5.0, 1.0)], frontier.Select(p => (Math.Round(p.MeanDelay, 6), Math.Round(p.PollsPerJob, 6))));
        Assert.Equal(1.25, OptimalPollSchedule.PollsAtDelay(frontier, 2.5)!.Value, 6);
        Assert.Null(OptimalPollSchedule.PollsAtDelay(frontier, 6));
    }
}

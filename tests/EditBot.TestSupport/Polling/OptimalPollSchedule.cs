namespace EditBot.TestSupport.Polling;

/// <summary>
/// The best possible poll schedule for a known completion-time distribution, by dynamic programming over poll times
/// on the distribution's grid: it minimises E[detection delay] + λ·E[polls], where a poll is made only while the job
/// has not been seen done and detection is the first poll at or after completion. Constraints are the policy's: the
/// first poll at least <c>minInterval</c> after submission, each next one at least <c>minInterval</c> and at most
/// <c>maxInterval</c> after the one before.
/// </summary>
/// <remarks>
/// V(k), the least expected cost still to pay after a poll at grid point k, weighted by P(T &gt; k) so that sums are
/// plain: V(k) = min over j in [k+a, k+b] of λ·(1 − F(k)) + t_j·(F(j) − F(k)) − (G(j) − G(k)) + V(j), with V = 0 once
/// the job is surely done. Cost O(cells · (max − min) / step).
/// </remarks>
public static class OptimalPollSchedule
{
    public static PollSchedule Solve(CompletionDistribution distribution, double pollCost, double minInterval, double maxInterval)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var step = distribution.Step;
        var a = (int)Math.Round(minInterval / step);
        if (a < 1 || Math.Abs((a * step) - minInterval) > 1e-9)
        {
            throw new ArgumentException($"The minimum interval {minInterval} s must be a whole number of grid steps ({step} s).", nameof(minInterval));
        }

        var n = distribution.Cells;
        var b = double.IsPositiveInfinity(maxInterval) ? n + a : Math.Max(a, (int)Math.Floor((maxInterval / step) + 1e-9));
        var value = new double[n + 1];
        var next = new int[n + 1];
        for (var k = n - 1; k >= 0; k--)
        {
            var fk = distribution.Cdf(k);
            var survival = 1 - fk;
            if (survival <= 0)
            {
                next[k] = -1;
                continue;
            }

            var gk = distribution.PartialMean(k);
            var best = double.PositiveInfinity;
            var bestJ = -1;
            // Past the horizon every job is done: the earliest allowed poll there is the only one worth looking at.
            var last = Math.Min(k + b, Math.Max(k + a, n));
            for (var j = k + a; j <= last; j++)
            {
                var cost = (j * step * (distribution.Cdf(j) - fk)) - (distribution.PartialMean(j) - gk) + (j < n ? value[j] : 0);
                if (cost < best)
                {
                    best = cost;
                    bestJ = j;
                }
            }

            value[k] = (pollCost * survival) + best;
            next[k] = bestJ;
        }

        return Walk(distribution, next);
    }

    /// <summary>The optimum as a function of λ, for tracing or reading its frontier (<see cref="PollFrontier"/>).</summary>
    public static Func<double, FrontierPoint> Frontier(CompletionDistribution distribution, double minInterval, double maxInterval) =>
        pollCost => Solve(distribution, pollCost, minInterval, maxInterval).At(pollCost);

    /// <summary>Follows the chosen polls from submission and totals their expected polls and delay.</summary>
    private static PollSchedule Walk(CompletionDistribution distribution, int[] next)
    {
        var times = new List<double>();
        var polls = 0.0;
        var delay = 0.0;
        var k = 0;
        while (k < distribution.Cells && next[k] >= 0)
        {
            var j = next[k];
            var t = j * distribution.Step;
            polls += 1 - distribution.Cdf(k);
            delay += (t * (distribution.Cdf(j) - distribution.Cdf(k))) - (distribution.PartialMean(j) - distribution.PartialMean(k));
            times.Add(t);
            k = j;
        }

        return new PollSchedule(times, polls, delay);
    }
}

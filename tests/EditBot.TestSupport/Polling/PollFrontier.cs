namespace EditBot.TestSupport.Polling;

/// <summary>One point of an optimal frontier: the mean polls and mean delay of the optimum for poll cost λ.</summary>
public readonly record struct FrontierPoint(double PollCost, double MeanPolls, double MeanDelay);

/// <summary>
/// The optimal trade between polls and delay, traced by sweeping λ (seconds of delay one poll is worth) through a
/// solver that minimises E[delay] + λ·E[polls]. Mean delay grows with λ; between two solutions the frontier is their
/// chord (mixing the two schedules reaches it), so polls at a given delay are interpolated on the chord that brackets it.
/// </summary>
public static class PollFrontier
{
    /// <summary>
    /// The optimum's mean polls at <paramref name="meanDelay"/>, found by bisection on log λ; null when the delay lies
    /// outside the frontier between <paramref name="lowCost"/> and <paramref name="highCost"/> (no optimum to read there).
    /// </summary>
    public static double? PollsAtDelay(Func<double, FrontierPoint> solve, double meanDelay, double lowCost = 1e-4, double highCost = 1e3)
    {
        ArgumentNullException.ThrowIfNull(solve);
        var low = solve(lowCost);
        var high = solve(highCost);
        if (meanDelay < low.MeanDelay || meanDelay > high.MeanDelay)
        {
            return null;
        }

        for (var i = 0; i < 40 && high.PollCost / low.PollCost > 1.0005; i++)
        {
            var middle = solve(Math.Sqrt(low.PollCost * high.PollCost));
            if (middle.MeanDelay <= meanDelay)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        if (high.MeanDelay - low.MeanDelay < 1e-12)
        {
            return low.MeanPolls;
        }

        var share = (meanDelay - low.MeanDelay) / (high.MeanDelay - low.MeanDelay);
        return low.MeanPolls + (share * (high.MeanPolls - low.MeanPolls));
    }

    /// <summary>The optimum at each of <paramref name="pollCosts"/>, for printing the frontier.</summary>
    public static IReadOnlyList<FrontierPoint> Sweep(Func<double, FrontierPoint> solve, IEnumerable<double> pollCosts) =>
        [.. pollCosts.Select(solve)];
}

namespace EditBot.TestSupport.Polling;

/// <summary>
/// The best possible poll schedule for a known set of job durations, by dynamic programming over poll times on a grid:
/// a poll only says "done" or "not yet", so the best policy is one fixed schedule (each next poll chosen given that
/// the job was not done at the last), and the one minimising total detection delay plus <c>lambda</c> seconds per poll
/// is found exactly (to the grid) by V(i) = min over j of [lambda·S(t_i) + Σ_{t_i &lt; D ≤ t_j} (t_j − D) + V(j)],
/// with the same minimum and maximum interval as the engine's policy. Sweeping lambda traces the frontier of polls per
/// job against mean delay; an oracle bound, since it knows the very durations it is judged on.
/// </summary>
public sealed class OptimalPollSchedule
{
    private readonly double _step;
    private readonly int _minGap;
    private readonly int _maxGap;
    private readonly double[] _durations;
    private readonly long[] _doneBy;      // jobs with D <= t_i
    private readonly double[] _sumDoneBy; // sum of their D
    private readonly int _points;

    public OptimalPollSchedule(IReadOnlyList<double> durations, double minInterval, double maxInterval, double step = 0.1)
    {
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        if (durations.Count == 0 || minInterval < step || maxInterval < minInterval)
        {
            throw new ArgumentException("Needs durations and step <= minInterval <= maxInterval.");
        }

        _step = step;
        _minGap = (int)Math.Round(minInterval / step);
        _maxGap = (int)Math.Round(maxInterval / step);
        _durations = [.. durations.Order()];
        _points = (int)Math.Ceiling(_durations[^1] / step) + _maxGap + 1;
        _doneBy = new long[_points];
        _sumDoneBy = new double[_points];
        var k = 0;
        var sum = 0.0;
        for (var i = 0; i < _points; i++)
        {
            var t = i * step;
            while (k < _durations.Length && _durations[k] <= t + 1e-9)
            {
                sum += _durations[k++];
            }

            _doneBy[i] = k;
            _sumDoneBy[i] = sum;
        }
    }

    /// <summary>The optimal schedule's poll times (seconds after submission) for <paramref name="lambda"/> seconds of delay per poll.</summary>
    public IReadOnlyList<double> Schedule(double lambda)
    {
        var n = _durations.Length;
        var cost = new double[_points];
        var next = new int[_points];
        for (var i = _points - 1; i >= 0; i--)
        {
            var survivors = n - _doneBy[i];
            if (survivors == 0)
            {
                cost[i] = 0;
                next[i] = -1;
                continue;
            }

            var best = double.PositiveInfinity;
            var bestJ = -1;
            for (var j = i + _minGap; j <= Math.Min(i + _maxGap, _points - 1); j++)
            {
                var t = j * _step;
                var detected = _doneBy[j] - _doneBy[i];
                var delay = (t * detected) - (_sumDoneBy[j] - _sumDoneBy[i]);
                var total = (lambda * survivors) + delay + cost[j];
                if (total < best)
                {
                    best = total;
                    bestJ = j;
                }
            }

            cost[i] = best;
            next[i] = bestJ;
        }

        var schedule = new List<double>();
        for (var i = next[0]; i >= 0; i = next[i])
        {
            schedule.Add(i * _step);
        }

        return schedule;
    }

    /// <summary>Polls per job and mean detection delay of <paramref name="schedule"/> over the durations.</summary>
    public (double PollsPerJob, double MeanDelay) Evaluate(IReadOnlyList<double> schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        double polls = 0, delay = 0;
        var p = 0;
        foreach (var d in _durations)
        {
            while (schedule[p] < d - 1e-9)
            {
                p++;
            }

            polls += p + 1;
            delay += schedule[p] - d;
        }

        return (polls / _durations.Length, delay / _durations.Length);
    }

    /// <summary>The frontier: (mean delay, polls per job) of the optimal schedule for each lambda, by rising delay.</summary>
    public IReadOnlyList<(double MeanDelay, double PollsPerJob)> Frontier(IEnumerable<double> lambdas) =>
        [.. lambdas.Select(l => Evaluate(Schedule(l))).Select(e => (e.MeanDelay, e.PollsPerJob)).OrderBy(e => e.MeanDelay)];

    /// <summary>Polls per job of the optimum at <paramref name="meanDelay"/>, interpolated on the frontier (null outside it).</summary>
    public static double? PollsAtDelay(IReadOnlyList<(double MeanDelay, double PollsPerJob)> frontier, double meanDelay)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        for (var i = 1; i < frontier.Count; i++)
        {
            var (d0, p0) = frontier[i - 1];
            var (d1, p1) = frontier[i];
            if (meanDelay >= d0 && meanDelay <= d1)
            {
                return d1 - d0 < 1e-12 ? Math.Min(p0, p1) : p0 + ((p1 - p0) * (meanDelay - d0) / (d1 - d0));
            }
        }

        return null;
    }
}

namespace EditBot.TestSupport.Polling;

/// <summary>
/// The best possible polling when each poll also sees whether the job is still queued: the queue wait W is exponential
/// (mean θ), then processing P is log-normal, and a poll answers queued (t &lt; W), processing or done (t ≥ W + P).
/// W is memoryless, so after any poll that sees "queued" the problem is the one at submission: the optimum polls every
/// d seconds while queued (one d), and from the poll that first sees processing, d after the last "queued", follows the
/// optimal schedule (<see cref="OptimalPollSchedule"/>) for the remaining time given that processing began within those
/// d seconds. Its cost V solves V = min over d of [λ + delay(done within d) + P(processing seen)·C(d) + e^(−d/θ)·V].
/// </summary>
public sealed class QueueAwareOptimum
{
    private readonly double _minInterval;
    private readonly double _maxInterval;
    private readonly List<Candidate> _candidates = [];

    /// <param name="candidateStep">Spacing of the queued-phase intervals d tried (a whole number of twice the step).</param>
    public QueueAwareOptimum(double meanWait, double median, double p95, double step, double minInterval, double maxInterval, double candidateStep = 0.2)
    {
        _minInterval = minInterval;
        _maxInterval = maxInterval;
        var total = CompletionDistribution.QueueThenLogNormal(meanWait, median, p95, step);
        var processing = CompletionDistribution.LogNormal(median, p95, step / 2, 1e-9);
        var half = step / 2;
        double Fp(double t) => double.IsPositiveInfinity(t) ? 1 : processing.Cdf((int)Math.Min(Math.Round(t / half), int.MaxValue));

        for (var d = minInterval; d <= maxInterval + 1e-9; d += candidateStep)
        {
            var k = (int)Math.Round(d / step);
            var done = total.Cdf(k);
            var delayDone = (k * step * done) - total.PartialMean(k);
            var queued = Math.Exp(-d / meanWait);
            // Processing began u seconds before the poll (u in [0, d]): weight e^(−(d−u)/θ)/θ; Simpson's rule over u.
            var panels = 2 * (int)Math.Ceiling(d / (2 * step));
            var du = d / panels;
            var weights = new double[panels + 1];
            for (var i = 0; i <= panels; i++)
            {
                var simpson = i == 0 || i == panels ? 1 : (i % 2 == 1 ? 4 : 2);
                weights[i] = simpson * du / 3 * Math.Exp(-(d - (i * du)) / meanWait) / meanWait;
            }

            double Joint(double r)
            {
                var sum = 0.0;
                for (var i = 0; i <= panels; i++)
                {
                    var u = i * du;
                    sum += weights[i] * (Fp(u + r) - Fp(u));
                }

                return sum;
            }

            var seen = 1 - queued - done;
            // Normalised by the same quadrature's total so the remaining time's CDF reaches 1.
            var seenByQuadrature = Joint(double.PositiveInfinity);
            var remaining = seen > 1e-12 ? CompletionDistribution.FromCdf(r => Joint(r) / seenByQuadrature, step) : null;
            _candidates.Add(new Candidate(d, queued, done, delayDone, seen, remaining));
        }
    }

    public FrontierPoint Solve(double pollCost) => SolveWithInterval(pollCost).Point;

    /// <summary>The optimum for λ and its queued-phase interval d.</summary>
    public (FrontierPoint Point, double QueuedInterval) SolveWithInterval(double pollCost)
    {
        var best = (Point: default(FrontierPoint), Interval: double.NaN, Cost: double.PositiveInfinity);
        foreach (var c in _candidates)
        {
            var after = c.Remaining is null ? null : OptimalPollSchedule.Solve(c.Remaining, pollCost, _minInterval, _maxInterval);
            var polls = (1 + (c.Seen * (after?.MeanPolls ?? 0))) / (1 - c.Queued);
            var delay = (c.DelayDone + (c.Seen * (after?.MeanDelay ?? 0))) / (1 - c.Queued);
            var cost = delay + (pollCost * polls);
            if (cost < best.Cost)
            {
                best = (new FrontierPoint(pollCost, polls, delay), c.Interval, cost);
            }
        }

        return (best.Point, best.Interval);
    }

    private sealed record Candidate(double Interval, double Queued, double Done, double DelayDone, double Seen, CompletionDistribution? Remaining);
}

namespace EditBot.Core.Polling;

/// <summary>
/// A log-normal model of one key's durations: Welford's online mean and variance of ln(seconds), started
/// from a prior worth a few observations so the first jobs of a new key are not polled blindly.
/// </summary>
public sealed class DurationEstimate
{
    private const double MinSigma = 0.08;
    private const double MaxSigma = 1.6;
    private readonly Lock _gate = new();
    private double _weight;
    private double _mean;
    private double _m2;
    private int _observations;

    public DurationEstimate(TimeSpan priorMedian, double priorSigma, double priorWeight)
    {
        _weight = priorWeight;
        _mean = Math.Log(priorMedian.TotalSeconds);
        _m2 = priorSigma * priorSigma * priorWeight;
    }

    /// <summary>Durations observed so far (the prior not counted).</summary>
    public int Observations => Volatile.Read(ref _observations);

    public (double Mu, double Sigma) Snapshot()
    {
        lock (_gate)
        {
            var sigma = Math.Sqrt(_m2 / _weight);
            return (_mean, Math.Clamp(sigma, MinSigma, MaxSigma));
        }
    }

    public void Observe(TimeSpan duration)
    {
        var x = Math.Log(Math.Max(duration.TotalSeconds, 0.05));
        lock (_gate)
        {
            Add(x, 0);
        }
    }

    /// <summary>
    /// Records a duration known only to lie in (<paramref name="after"/>, <paramref name="by"/>]: the job was still
    /// running at one poll and done at the next. Takes the expected ln(duration) within the window under the current
    /// estimate, and its spread there, instead of the window's middle: the first window, (0, first poll], is wide in
    /// log terms, and its middle made the learned spread too wide (an online EM step for interval-censored data).
    /// </summary>
    public void Observe(TimeSpan after, TimeSpan by)
    {
        var low = Math.Max(after.TotalSeconds, 0);
        var high = Math.Max(by.TotalSeconds, 0.05);
        lock (_gate)
        {
            var sigma = Math.Clamp(Math.Sqrt(_m2 / _weight), MinSigma, MaxSigma);
            var alpha = low > 0 ? (Math.Log(low) - _mean) / sigma : double.NegativeInfinity;
            var beta = (Math.Log(high) - _mean) / sigma;
            // P(alpha < Z <= beta), from the nearer tail so it keeps its digits.
            var mass = beta <= 0
                ? NormalDistribution.UpperTail(-beta) - NormalDistribution.UpperTail(-alpha)
                : NormalDistribution.UpperTail(alpha) - NormalDistribution.UpperTail(beta);
            if (mass < 1e-9 || high <= low)
            {
                // The model puts (almost) nothing there: fall back to the window's middle.
                Add(Math.Log(Math.Max((low + high) / 2, 0.05)), 0);
                return;
            }

            var densityAlpha = double.IsNegativeInfinity(alpha) ? 0 : NormalDistribution.Density(alpha);
            var densityBeta = NormalDistribution.Density(beta);
            var shift = (densityAlpha - densityBeta) / mass;
            var alphaTerm = double.IsNegativeInfinity(alpha) ? 0 : alpha * densityAlpha;
            var variance = sigma * sigma * Math.Max(1 + ((alphaTerm - (beta * densityBeta)) / mass) - (shift * shift), 0);
            Add(_mean + (sigma * shift), variance);
        }
    }

    /// <summary>Welford's step with one observation x carrying its own variance (zero when known exactly).</summary>
    private void Add(double x, double variance)
    {
        _weight += 1;
        var delta = x - _mean;
        _mean += delta / _weight;
        _m2 += (delta * (x - _mean)) + variance;
        _observations++;
    }
}

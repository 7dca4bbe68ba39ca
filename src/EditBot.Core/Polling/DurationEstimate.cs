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
            _weight += 1;
            var delta = x - _mean;
            _mean += delta / _weight;
            _m2 += delta * (x - _mean);
            _observations++;
        }
    }
}

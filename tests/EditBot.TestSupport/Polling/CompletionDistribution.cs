using EditBot.Core.Polling;

namespace EditBot.TestSupport.Polling;

/// <summary>
/// When a remote job completes, on a grid of <see cref="Step"/> seconds, as <see cref="OptimalPollSchedule"/> needs it:
/// the CDF F(k·step) and the partial mean G(k·step) = E[T; T ≤ k·step] at every grid point. With both, the detection
/// delay of the jobs that end between polls at grid times a &lt; b is b·(F(b) − F(a)) − (G(b) − G(a)), exact for the
/// continuous distribution. The mass beyond the horizon (<see cref="TailMass"/>, a millionth by default) is moved onto
/// the horizon, so every schedule ends there; its true cost is beyond any figure's last digit.
/// </summary>
public sealed class CompletionDistribution
{
    private const double P95Z = 1.6448536;
    private readonly double[] _cdf;
    private readonly double[] _partialMean;

    private CompletionDistribution(double step, double[] cdf, double[] partialMean, double tailMass)
    {
        Step = step;
        _cdf = cdf;
        _partialMean = partialMean;
        TailMass = tailMass;
    }

    public double Step { get; }

    /// <summary>Grid points after zero; the horizon is Cells·Step and F there is 1.</summary>
    public int Cells => _cdf.Length - 1;

    public double Horizon => Cells * Step;

    /// <summary>The probability that was beyond the horizon and now sits on it.</summary>
    public double TailMass { get; }

    /// <summary>F at grid point k (1 from the horizon on).</summary>
    public double Cdf(int k) => k >= Cells ? 1 : _cdf[k];

    /// <summary>E[T; T ≤ k·step] (the whole mean from the horizon on).</summary>
    public double PartialMean(int k) => k >= Cells ? _partialMean[Cells] : _partialMean[k];

    public double Mean => _partialMean[Cells];

    /// <summary>All of it at one time.</summary>
    public static CompletionDistribution PointMass(double at, double step) => FromSample([at], step);

    /// <summary>
    /// The sample's own distribution: each of <paramref name="durations"/> equally likely. F and G are step functions
    /// on the grid (a job counts as done at the first grid point at or after it), so a schedule's delay is exact for
    /// these very durations: the oracle that knows the jobs it is judged on.
    /// </summary>
    public static CompletionDistribution FromSample(IReadOnlyList<double> durations, double step)
    {
        ArgumentNullException.ThrowIfNull(durations);
        if (durations.Count == 0)
        {
            throw new ArgumentException("Needs at least one duration.", nameof(durations));
        }

        var sorted = durations.Order().ToArray();
        var cells = Math.Max(1, (int)Math.Ceiling((sorted[^1] / step) - 1e-9));
        var cdf = new double[cells + 1];
        var partial = new double[cells + 1];
        var done = 0;
        var sum = 0.0;
        for (var k = 0; k <= cells; k++)
        {
            while (done < sorted.Length && sorted[done] <= (k * step) + 1e-9)
            {
                sum += sorted[done++];
            }

            cdf[k] = done / (double)sorted.Length;
            partial[k] = sum / sorted.Length;
        }

        cdf[cells] = 1;
        return new CompletionDistribution(step, cdf, partial, 0);
    }

    /// <summary>Uniform on [from, to].</summary>
    public static CompletionDistribution Uniform(double from, double to, double step)
    {
        var cells = (int)Math.Ceiling((to / step) - 1e-9);
        var cdf = new double[cells + 1];
        var partial = new double[cells + 1];
        for (var k = 0; k <= cells; k++)
        {
            var t = Math.Clamp(k * step, from, to);
            cdf[k] = (t - from) / (to - from);
            partial[k] = cdf[k] * (from + t) / 2;
        }

        cdf[cells] = 1;
        return new CompletionDistribution(step, cdf, partial, 0);
    }

    /// <summary>Log-normal with the given median and p95, in closed form (G(x) = e^(μ+σ²/2)·Φ((ln x − μ − σ²)/σ)).</summary>
    public static CompletionDistribution LogNormal(double median, double p95, double step, double tailMass = 1e-6)
    {
        var mu = Math.Log(median);
        var sigma = Math.Log(p95 / median) / P95Z;
        var mean = Math.Exp(mu + (sigma * sigma / 2));
        return Build(
            t => t <= 0 ? 0 : NormalDistribution.Cdf((Math.Log(t) - mu) / sigma),
            t => t <= 0 ? 0 : mean * NormalDistribution.Cdf((Math.Log(t) - mu - (sigma * sigma)) / sigma),
            step,
            tailMass);
    }

    /// <summary>
    /// An exponential queue wait (mean <paramref name="meanWait"/>) then a log-normal processing time:
    /// F(t) = F_P(t) − e^(−t/θ)·∫₀ᵗ f_P(p)·e^(p/θ) dp, the integral accumulated on a grid ten times finer.
    /// </summary>
    public static CompletionDistribution QueueThenLogNormal(double meanWait, double median, double p95, double step, double tailMass = 1e-6)
    {
        var processing = LogNormal(median, p95, step / 10, 0);
        var fine = processing.Step;
        var weighted = new List<double> { 0 };
        double FineCdf(int i)
        {
            while (weighted.Count <= i)
            {
                var k = weighted.Count;
                // The mass of P in the fine cell, weighted by e^(p/θ) at its middle.
                var mass = processing.Cdf(k) - processing.Cdf(k - 1);
                weighted.Add(weighted[^1] + (mass * Math.Exp((k - 0.5) * fine / meanWait)));
            }

            return processing.Cdf(i) - (Math.Exp(-i * fine / meanWait) * weighted[i]);
        }

        return Build(t => FineCdf((int)Math.Round(t / fine)), null, step, tailMass);
    }

    /// <summary>Any distribution from its CDF; the partial mean, when not given, is x·F(x) − ∫₀ˣ F by Simpson's rule per cell.</summary>
    public static CompletionDistribution FromCdf(Func<double, double> cdf, double step, double tailMass = 1e-6) => Build(cdf, null, step, tailMass);

    private static CompletionDistribution Build(Func<double, double> cdf, Func<double, double>? partialMean, double step, double tailMass)
    {
        var cdfs = new List<double> { 0 };
        var partials = new List<double> { 0 };
        var integral = 0.0;
        var k = 0;
        while (1 - cdfs[^1] > tailMass)
        {
            k++;
            var t = k * step;
            var f = Math.Clamp(cdf(t), cdfs[^1], 1);
            if (partialMean is null)
            {
                var middle = Math.Clamp(cdf(t - (step / 2)), cdfs[^1], f);
                integral += step * (cdfs[^1] + (4 * middle) + f) / 6;
                partials.Add((t * f) - integral);
            }
            else
            {
                partials.Add(partialMean(t));
            }

            cdfs.Add(f);
            if (k > 10_000_000)
            {
                throw new InvalidOperationException("The distribution does not reach its tail within ten million cells.");
            }
        }

        var tail = 1 - cdfs[^1];
        var horizon = k * step;
        cdfs[^1] = 1;
        partials[^1] += tail * horizon;
        return new CompletionDistribution(step, [.. cdfs], [.. partials], tail);
    }
}

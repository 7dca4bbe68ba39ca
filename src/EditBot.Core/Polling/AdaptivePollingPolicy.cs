using System.Collections.Concurrent;

namespace EditBot.Core.Polling;

/// <summary>
/// Decides when to poll a job next from how long jobs like it take. Durations are log-normal per
/// <see cref="DurationKey"/>, learned from completed jobs. Poll density follows sqrt(hazard / 2·cost), which
/// minimises expected detection delay plus cost per poll: sparse while a result is unlikely, dense around
/// the median..p95, and beyond p99 the interval grows geometrically (a job that late is usually very late).
/// What polls have seen (<see cref="PollSightings"/>) moves the origin of that schedule: once the request was seen
/// processing, the same rule runs on a separate estimate of the processing time alone, counted from the estimated
/// processing start, so a long queue wait neither spends polls early nor leaves them sparse when the result is near.
/// Pure apart from its learned state: time is passed in, never read.
/// </summary>
public sealed class AdaptivePollingPolicy(PollingSettings settings)
{
    private const double P95Z = 1.6448536;
    private const double P99Z = 2.3263479;
    private const double PriorSigma = 0.6;
    private const double PriorWeight = 4;
    private readonly ConcurrentDictionary<DurationKey, DurationEstimate> _estimates = new();
    private readonly ConcurrentDictionary<DurationKey, DurationEstimate> _processing = new();

    /// <summary>Records how long a finished job took from submission to detected completion.</summary>
    public void Observe(DurationKey key, TimeSpan duration) => EstimateFor(key).Observe(duration);

    /// <summary>Records that a job finished after <paramref name="doneAfter"/> and by <paramref name="doneBy"/> (its last two polls), in time since submission.</summary>
    public void Observe(DurationKey key, TimeSpan doneAfter, TimeSpan doneBy) => EstimateFor(key).Observe(doneAfter, doneBy);

    /// <summary>Records how long a finished job took from its (estimated) processing start to detected completion.</summary>
    public void ObserveProcessing(DurationKey key, TimeSpan duration) => ProcessingEstimateFor(key).Observe(duration);

    /// <summary>As <see cref="Observe(DurationKey, TimeSpan, TimeSpan)"/>, in time since the estimated processing start.</summary>
    public void ObserveProcessing(DurationKey key, TimeSpan doneAfter, TimeSpan doneBy) => ProcessingEstimateFor(key).Observe(doneAfter, doneBy);

    /// <summary>The current expectation for a key, for progress messages and tests.</summary>
    public (TimeSpan Median, TimeSpan P95) Expected(DurationKey key)
    {
        var (mu, sigma) = EstimateFor(key).Snapshot();
        return (TimeSpan.FromSeconds(Math.Exp(mu)), TimeSpan.FromSeconds(Math.Exp(mu + (P95Z * sigma))));
    }

    /// <summary>
    /// How long after <paramref name="elapsed"/> (time since submission) to poll next. With nothing seen, from the
    /// submission-to-done estimate counted from the submission. Once a poll saw the request processing, from the
    /// processing estimate counted from the estimated processing start. While the last poll saw it still waiting,
    /// and this key's requests have been seen processing before (so a waiting answer means processing has not begun),
    /// from the submission-to-done estimate counted from that poll: a queue wait is taken as memoryless, so a request
    /// still waiting has as far to go as a new one.
    /// </summary>
    public TimeSpan NextPollDelay(DurationKey key, TimeSpan elapsed, PollSightings seen = default)
    {
        var processing = ProcessingEstimateFor(key);
        var (estimate, from) = seen switch
        {
            { ProcessingStart: { } start } => (processing, start),
            { WaitingAt: { } waiting } when processing.Observations >= PriorWeight => (EstimateFor(key), waiting),
            _ => (EstimateFor(key), TimeSpan.Zero),
        };
        var (mu, sigma) = estimate.Snapshot();
        var t0 = Math.Max((elapsed - from).TotalSeconds, 0);
        var min = settings.MinInterval.TotalSeconds;
        var max = settings.MaxInterval.TotalSeconds;
        var cost = settings.PollCost.TotalSeconds;
        var tail = Math.Exp(mu + (P99Z * sigma));

        double interval;
        if (t0 >= tail)
        {
            // Each interval is TailBackoffFactor times the one before: the gap grows linearly with the time spent in the tail.
            var atTail = Math.Clamp(1 / Density(tail, mu, sigma, cost), min, max);
            interval = atTail + ((settings.TailBackoffFactor - 1) * (t0 - tail));
        }
        else
        {
            interval = IntervalHoldingOnePoll(t0, max, mu, sigma, cost);
        }

        return TimeSpan.FromSeconds(Math.Clamp(interval, min, max));
    }

    internal static TimeSpan DefaultMedian(DurationKey key)
    {
        // Seeds only, replaced by learning within a few jobs: low is fastest, each extra image adds time.
        var seconds = key.Quality switch
        {
            "LOW" => 15.0,
            "HIGH" => 60.0,
            _ => 30.0,
        };
        return TimeSpan.FromSeconds(seconds * (1 + (0.35 * (Math.Max(key.Count, 1) - 1))));
    }

    private DurationEstimate EstimateFor(DurationKey key) =>
        _estimates.GetOrAdd(key, k => new DurationEstimate(DefaultMedian(k), PriorSigma, PriorWeight));

    // The same seed as the whole duration: processing is most of it, and a few processing sightings replace it.
    private DurationEstimate ProcessingEstimateFor(DurationKey key) =>
        _processing.GetOrAdd(key, k => new DurationEstimate(DefaultMedian(k), PriorSigma, PriorWeight));

    /// <summary>Walks forward from t0 until the poll density integrates to one poll (or the cap is reached).</summary>
    private static double IntervalHoldingOnePoll(double t0, double max, double mu, double sigma, double cost)
    {
        const double step = 0.25;
        var accumulated = 0.0;
        var t = t0;
        while (t - t0 < max)
        {
            var rate = Density(t + (step / 2), mu, sigma, cost);
            if (accumulated + (rate * step) >= 1)
            {
                return t - t0 + ((1 - accumulated) / rate);
            }

            accumulated += rate * step;
            t += step;
        }

        return max;
    }

    /// <summary>Optimal polls per second at elapsed t: sqrt(hazard(t) / (2·cost)).</summary>
    private static double Density(double t, double mu, double sigma, double cost)
    {
        if (t <= 0)
        {
            return 0;
        }

        var z = (Math.Log(t) - mu) / sigma;
        var hazard = NormalDistribution.HazardOfStandardNormal(z) / (sigma * t);
        return Math.Sqrt(hazard / (2 * cost));
    }
}

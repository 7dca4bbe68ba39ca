using EditBot.Core.Polling;
using EditBot.TestSupport.Polling;

namespace EditBot.Benchmarks.Polling;

/// <summary>
/// A pure simulation of polling: remote durations are drawn from a log-normal; a strategy decides poll times;
/// a job is detected at its first poll at or after its completion. No clock, no I/O, fixed seed.
/// </summary>
public static class PollingSimulator
{
    private const double P95Z = 1.6448536;

    public static double[] Durations(int count, double medianSeconds, double p95Seconds, int seed)
    {
        var sigma = Math.Log(p95Seconds / medianSeconds) / P95Z;
        var random = new Random(seed);
        var durations = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Box-Muller: one standard normal per job.
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            durations[i] = medianSeconds * Math.Exp(sigma * z);
        }

        return durations;
    }

    public static PollingOutcome Fixed(double[] durations, double intervalSeconds)
    {
        var polls = new double[durations.Length];
        var delays = new double[durations.Length];
        for (var i = 0; i < durations.Length; i++)
        {
            var n = Math.Max(1, Math.Ceiling(durations[i] / intervalSeconds));
            polls[i] = n;
            delays[i] = (n * intervalSeconds) - durations[i];
        }

        return Summarise($"fixed {intervalSeconds:0.#} s", polls, delays);
    }

    /// <summary>Runs the policy on every job in order, learning from each detection as the engine does.</summary>
    public static PollingOutcome Adaptive(string name, AdaptivePollingPolicy policy, DurationKey key, double[] durations) =>
        Adaptive(name, policy, Enumerable.Repeat(key, durations.Length).ToArray(), durations);

    /// <summary>Jobs of several keys; <paramref name="keys"/>[i] is job i's key, learned separately.</summary>
    public static PollingOutcome Adaptive(string name, AdaptivePollingPolicy policy, DurationKey[] keys, double[] durations)
    {
        var polls = new double[durations.Length];
        var delays = new double[durations.Length];
        for (var i = 0; i < durations.Length; i++)
        {
            var key = keys[i];
            var (count, previousPoll, detectedAt) = Run(policy, key, durations[i]);
            polls[i] = count;
            delays[i] = detectedAt - durations[i];
            // As the engine does: the job ended between the last two polls.
            policy.Observe(key, TimeSpan.FromSeconds(previousPoll), TimeSpan.FromSeconds(detectedAt));
        }

        return Summarise(name, polls, delays);
    }

    /// <summary>
    /// Jobs that wait in the queue then process: a poll at t sees queued (t &lt; wait), processing, or success
    /// (t ≥ wait + processing), as GMI's status does. When <paramref name="conditioned"/>, the policy is told what the
    /// polls saw (<see cref="PollSightings"/>) and learns processing times too, as the engine does; otherwise it sees
    /// only the time since submission.
    /// </summary>
    public static PollingOutcome AdaptiveWithStatus(string name, AdaptivePollingPolicy policy, DurationKey key, double[] waits, double[] processing, bool conditioned)
    {
        var polls = new double[waits.Length];
        var delays = new double[waits.Length];
        for (var i = 0; i < waits.Length; i++)
        {
            var done = waits[i] + processing[i];
            var t = 0.0;
            var previous = 0.0;
            var seen = PollSightings.None;
            var count = 0;
            while (t < done)
            {
                previous = t;
                t += policy.NextPollDelay(key, TimeSpan.FromSeconds(t), conditioned ? seen : PollSightings.None).TotalSeconds;
                count++;
                if (t < waits[i])
                {
                    seen = seen with { WaitingAt = TimeSpan.FromSeconds(t) };
                }
                else if (t < done && seen.ProcessingAt is null)
                {
                    seen = seen with { ProcessingAt = TimeSpan.FromSeconds(t) };
                }
            }

            polls[i] = count;
            delays[i] = t - done;
            // As the engine does: the job ended between the last two polls.
            var (after, by) = (TimeSpan.FromSeconds(previous), TimeSpan.FromSeconds(t));
            policy.Observe(key, after, by);
            if (conditioned && seen.ProcessingStart is { } start)
            {
                policy.ObserveProcessing(key, after - start, by - start);
            }
        }

        return Summarise(name, polls, delays);
    }

    /// <summary>The information-theoretic frontier for one known log-normal: polls × mean delay ≥ (∫√(f·S) dt)² / 2.</summary>
    public static double FrontierProduct(double medianSeconds, double p95Seconds)
    {
        var mu = Math.Log(medianSeconds);
        var sigma = Math.Log(p95Seconds / medianSeconds) / P95Z;
        var integral = 0.0;
        const double step = 0.01;
        for (var t = step; t < 5000; t += step)
        {
            var z = (Math.Log(t) - mu) / sigma;
            var density = Math.Exp(-0.5 * z * z) / (t * sigma * Math.Sqrt(2 * Math.PI));
            var survival = NormalDistribution.UpperTail(z);
            integral += Math.Sqrt(density * survival) * step;
        }

        return integral * integral / 2;
    }

    private static (int Polls, double PreviousPoll, double DetectedAt) Run(AdaptivePollingPolicy policy, DurationKey key, double duration)
    {
        var t = 0.0;
        var polls = 0;
        while (true)
        {
            var previous = t;
            t += policy.NextPollDelay(key, TimeSpan.FromSeconds(t)).TotalSeconds;
            polls++;
            if (t >= duration)
            {
                return (polls, previous, t);
            }
        }
    }

    private static PollingOutcome Summarise(string name, double[] polls, double[] delays)
    {
        var sorted = delays.Order().ToArray();
        return new PollingOutcome(name, polls.Average(), delays.Average(), sorted[(int)(0.95 * (sorted.Length - 1))]);
    }
}

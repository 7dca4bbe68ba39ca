using System.Globalization;
using EditBot.Core.Engine;
using EditBot.Core.Polling;

namespace EditBot.Benchmarks.Polling;

/// <summary>
/// <c>load polling [jobs] [seed]</c>: adaptive polling (after a warm-up) against fixed 1, 2 and 5 s polling on a
/// log-normal duration distribution (median 25 s, p95 90 s), plus the adaptive policy at several poll costs; then a
/// mixed workload, and a queue-wait workload with the policy told, or not, what the polls saw (queued / processing).
/// </summary>
public sealed class PollingLoadProgram : ILoadProgram
{
    private const double Median = 25;
    private const double P95 = 90;

    public string Name => "polling";

    public string Description => "Simulated polls per job and detection delay: adaptive vs fixed 1/2/5 s (log-normal, median 25 s, p95 90 s)";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_260_301;
        var warmUp = PollingSimulator.Durations(2_000, Median, P95, seed + 1);
        var measured = PollingSimulator.Durations(jobs, Median, P95, seed);
        var key = new DurationKey("MEDIUM", "1024X1024", 1);
        var defaults = new EngineOptions();

        var rows = new List<PollingOutcome>
        {
            PollingSimulator.Fixed(measured, 1),
            PollingSimulator.Fixed(measured, 2),
            PollingSimulator.Fixed(measured, 5),
        };
        foreach (var cost in new[] { defaults.PollCost.TotalSeconds, 0.06, 0.12, 0.25, 1.0 })
        {
            var settings = new PollingSettings(defaults.MinPollInterval, defaults.MaxPollInterval, TimeSpan.FromSeconds(cost), defaults.TailBackoffFactor);
            var policy = new AdaptivePollingPolicy(settings);
            PollingSimulator.Adaptive("warm-up", policy, key, warmUp);
            var label = cost == defaults.PollCost.TotalSeconds ? $"adaptive (default, cost {cost:0.##} s)" : $"adaptive (cost {cost:0.##} s)";
            rows.Add(PollingSimulator.Adaptive(label, policy, key, measured));
        }

        Console.WriteLine($"{jobs:N0} jobs, seed {seed}, log-normal median {Median} s, p95 {P95} s; adaptive warmed up on 2,000 jobs.");
        Print(rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Frontier for any schedule that knows only this distribution: polls x mean delay >= {PollingSimulator.FrontierProduct(Median, P95):0.0} s."));

        var (warmKeys, warmDurations) = MixedWorkload.Build(2_000, seed + 7);
        var (keys, durations) = MixedWorkload.Build(jobs, seed + 8);
        var mixed = new List<PollingOutcome> { PollingSimulator.Fixed(durations, 1), PollingSimulator.Fixed(durations, 2), PollingSimulator.Fixed(durations, 5) };
        foreach (var cost in new[] { defaults.PollCost.TotalSeconds, 0.06 })
        {
            var policy = new AdaptivePollingPolicy(new PollingSettings(defaults.MinPollInterval, defaults.MaxPollInterval, TimeSpan.FromSeconds(cost), defaults.TailBackoffFactor));
            PollingSimulator.Adaptive("warm-up", policy, warmKeys, warmDurations);
            mixed.Add(PollingSimulator.Adaptive($"adaptive (cost {cost:0.##} s)", policy, keys, durations));
        }

        Console.WriteLine();
        Console.WriteLine("Mixed workload: low/medium/high quality, medians 12/25/60 s, p95 25/50/120 s, interleaved.");
        Print(mixed);

        // Queue wait then processing: the policy sees only the submission time, or also what the polls saw.
        var (warmWaits, warmProcessing) = QueueWaitWorkload.Build(2_000, seed + 11);
        var (waits, processing) = QueueWaitWorkload.Build(jobs, seed + 12);
        var totals = waits.Zip(processing, (w, p) => w + p).ToArray();
        var queued = new List<PollingOutcome> { PollingSimulator.Fixed(totals, 1), PollingSimulator.Fixed(totals, 2), PollingSimulator.Fixed(totals, 5) };
        foreach (var cost in new[] { defaults.PollCost.TotalSeconds, 0.06 })
        {
            foreach (var conditioned in new[] { false, true })
            {
                var policy = new AdaptivePollingPolicy(new PollingSettings(defaults.MinPollInterval, defaults.MaxPollInterval, TimeSpan.FromSeconds(cost), defaults.TailBackoffFactor));
                PollingSimulator.AdaptiveWithStatus("warm-up", policy, key, warmWaits, warmProcessing, conditioned);
                var label = $"adaptive (cost {cost:0.##} s, {(conditioned ? "conditioned on queued/processing" : "submit time only")})";
                queued.Add(PollingSimulator.AdaptiveWithStatus(label, policy, key, waits, processing, conditioned));
            }
        }

        Console.WriteLine("Queue wait: exponential wait (mean 10 s), then processing log-normal (median 20 s, p95 30 s).");
        Print(queued);
        return Task.FromResult(0);
    }

    private static void Print(List<PollingOutcome> rows)
    {
        var fixedOne = rows[0];
        Console.WriteLine();
        Console.WriteLine("| strategy | polls/job | vs fixed 1 s | mean delay (s) | p95 delay (s) | polls x mean delay |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Strategy} | {row.PollsPerJob:0.00} | {row.PollsPerJob / fixedOne.PollsPerJob:P0} | {row.MeanDelaySeconds:0.00} | {row.P95DelaySeconds:0.00} | {row.PollsPerJob * row.MeanDelaySeconds:0.0} |"));
        }

        Console.WriteLine();
    }
}

using System.Globalization;
using EditBot.Core.Engine;
using EditBot.Core.Polling;
using EditBot.TestSupport.Polling;

namespace EditBot.Benchmarks.Polling;

/// <summary>
/// <c>load polling-optimum [jobs] [seed]</c>: how far the adaptive policy is from the best possible schedule. For each
/// workload the optimum (a dynamic program over poll times, <see cref="OptimalPollSchedule"/>, with the policy's 1 s
/// minimum and 30 s maximum interval) is traced over λ, and its polls at the adaptive policy's measured mean delay are
/// compared with the policy's polls.
/// </summary>
public sealed class PollingOptimumLoadProgram : ILoadProgram
{
    private const double Step = 0.05;
    private static readonly double[] Costs = [0.06, 0.12, 0.25, 0.4, 1.0];

    public string Name => "polling-optimum";

    public string Description => "Adaptive polling vs the optimal schedule (dynamic programming) at equal mean delay, per workload";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_260_301;
        var defaults = new EngineOptions();
        var min = defaults.MinPollInterval.TotalSeconds;
        var max = defaults.MaxPollInterval.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{jobs:N0} jobs per run, seed {seed}; optimum on a {Step} s grid, first poll and every interval >= {min} s, every interval <= {max} s."));
        Console.WriteLine();
        Console.WriteLine("| workload | policy | polls/job | mean delay (s) | optimal polls at that delay | ratio |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");

        // Log-normal, median 25 s, p95 90 s (the `polling` program's first workload).
        var logNormal = CompletionDistribution.LogNormal(25, 90, Step);
        var solveLogNormal = OptimalPollSchedule.Frontier(logNormal, min, max);
        var key = new DurationKey("MEDIUM", "1024X1024", 1);
        var warmUp = PollingSimulator.Durations(2_000, 25, 90, seed + 1);
        var measured = PollingSimulator.Durations(jobs, 25, 90, seed);
        foreach (var cost in Costs)
        {
            var policy = Policy(defaults, cost);
            PollingSimulator.Adaptive("warm-up", policy, key, warmUp);
            Row("log-normal 25/90 s", Label(defaults, cost), PollingSimulator.Adaptive("", policy, key, measured), solveLogNormal);
        }

        // The same without the back-off past p99 (a constant interval there): what the back-off costs when the tail is truly log-normal.
        foreach (var cost in Costs)
        {
            var policy = Policy(defaults, cost, tailBackoff: 1);
            PollingSimulator.Adaptive("warm-up", policy, key, warmUp);
            Row("log-normal 25/90 s", $"{Label(defaults, cost)}, no tail back-off (factor 1)", PollingSimulator.Adaptive("", policy, key, measured), solveLogNormal);
        }

        // Mixed qualities: the optimum spends one λ across the three classes (weighted by how often each occurs).
        var classes = MixedWorkload.Classes.Select(c => CompletionDistribution.LogNormal(c.Median, c.P95, Step)).ToArray();
        var (warmKeys, warmDurations) = MixedWorkload.Build(2_000, seed + 7);
        var (keys, durations) = MixedWorkload.Build(jobs, seed + 8);
        var shares = MixedWorkload.Classes.Select(c => keys.Count(k => k == c.Key) / (double)keys.Length).ToArray();
        FrontierPoint SolveMixed(double cost)
        {
            var points = classes.Select(d => OptimalPollSchedule.Solve(d, cost, min, max)).ToArray();
            return new FrontierPoint(cost, points.Select((p, i) => p.MeanPolls * shares[i]).Sum(), points.Select((p, i) => p.MeanDelay * shares[i]).Sum());
        }

        foreach (var cost in Costs)
        {
            var policy = Policy(defaults, cost);
            PollingSimulator.Adaptive("warm-up", policy, warmKeys, warmDurations);
            Row("mixed 12/25/60 s", Label(defaults, cost), PollingSimulator.Adaptive("", policy, keys, durations), SolveMixed);
        }

        QueueWait(jobs, seed, defaults, key, min, max);
        return Task.FromResult(0);
    }

    /// <summary>The queue-wait workload against both optima: knowing only the distribution, and seeing queued/processing.</summary>
    private static void QueueWait(int jobs, int seed, EngineOptions defaults, DurationKey key, double min, double max)
    {
        var total = CompletionDistribution.QueueThenLogNormal(QueueWaitWorkload.MeanWait, QueueWaitWorkload.ProcessingMedian, QueueWaitWorkload.ProcessingP95, Step);
        var solveBlind = OptimalPollSchedule.Frontier(total, min, max);
        var aware = new QueueAwareOptimum(QueueWaitWorkload.MeanWait, QueueWaitWorkload.ProcessingMedian, QueueWaitWorkload.ProcessingP95, 0.1, min, max);
        var (warmWaits, warmProcessing) = QueueWaitWorkload.Build(2_000, seed + 11);
        var (waits, processing) = QueueWaitWorkload.Build(jobs, seed + 12);

        Console.WriteLine();
        Console.WriteLine("Queue wait ~ exponential (mean 10 s), then processing log-normal (median 20 s, p95 30 s).");
        Console.WriteLine();
        Console.WriteLine("| policy | polls/job | mean delay (s) | p95 delay (s) | optimum, submit time only: polls | ratio | optimum seeing queued/processing: polls | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var conditioned in new[] { false, true })
        {
            foreach (var cost in Costs)
            {
                var policy = Policy(defaults, cost);
                PollingSimulator.AdaptiveWithStatus("warm-up", policy, key, warmWaits, warmProcessing, conditioned);
                var row = PollingSimulator.AdaptiveWithStatus("", policy, key, waits, processing, conditioned);
                var blind = PollFrontier.PollsAtDelay(solveBlind, row.MeanDelaySeconds);
                var seeing = PollFrontier.PollsAtDelay(aware.Solve, row.MeanDelaySeconds, 1e-3, 1e2);
                var label = $"{Label(defaults, cost)}{(conditioned ? ", conditioned on queued/processing" : ", submit time only")}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {row.PollsPerJob:0.00} | {row.MeanDelaySeconds:0.00} | {row.P95DelaySeconds:0.00} | {Polls(blind)} | {Ratio(row, blind)} | {Polls(seeing)} | {Ratio(row, seeing)} |"));
            }
        }

        Console.WriteLine();
        foreach (var cost in Costs)
        {
            var (point, interval) = aware.SolveWithInterval(cost);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Optimum seeing the queue at λ = {cost} s: {point.MeanPolls:0.00} polls, {point.MeanDelay:0.00} s mean delay, polling every {interval:0.0} s while queued."));
        }
    }

    private static void Row(string workload, string label, PollingOutcome outcome, Func<double, FrontierPoint> solve)
    {
        var optimal = PollFrontier.PollsAtDelay(solve, outcome.MeanDelaySeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {workload} | {label} | {outcome.PollsPerJob:0.00} | {outcome.MeanDelaySeconds:0.00} | {Polls(optimal)} | {Ratio(outcome, optimal)} |"));
    }

    /// <summary>The optimum's polls, or why there are none: the measured delay lies beyond the frontier's ends.</summary>
    private static string Polls(double? optimal) =>
        optimal is { } o ? o.ToString("0.00", CultureInfo.InvariantCulture) : "outside the frontier";

    private static string Ratio(PollingOutcome outcome, double? optimal) =>
        optimal is { } o ? (outcome.PollsPerJob / o).ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static AdaptivePollingPolicy Policy(EngineOptions defaults, double cost, double? tailBackoff = null) =>
        new(new PollingSettings(defaults.MinPollInterval, defaults.MaxPollInterval, TimeSpan.FromSeconds(cost), tailBackoff ?? defaults.TailBackoffFactor));

    private static string Label(EngineOptions defaults, double cost) =>
        cost == defaults.PollCost.TotalSeconds ? $"adaptive, cost {cost:0.##} s (default)" : $"adaptive, cost {cost:0.##} s";
}

using System.Globalization;
using EditBot.Core.Engine;
using EditBot.Core.Polling;
using EditBot.TestSupport.Polling;

namespace EditBot.Benchmarks.Polling;

/// <summary>
/// <c>load polling-optimum [jobs] [seed]</c>: how far the adaptive policy is from the best possible schedule. For each
/// workload (the log-normal of <c>load polling</c>, and each quality of the mixed workload) the optimum is computed by
/// dynamic programming over poll times (<see cref="OptimalPollSchedule"/>, 0.1 s grid, the policy's own 1 s minimum and
/// 30 s maximum interval) on the very durations the policy is judged on (<see cref="CompletionDistribution.FromSample"/>);
/// its polls per job at the adaptive policy's mean delay are read off its frontier (<see cref="PollFrontier"/>).
/// </summary>
public sealed class PollingOptimumLoadProgram : ILoadProgram
{
    public string Name => "polling-optimum";

    public string Description => "Adaptive polling against the optimal schedule (dynamic programming) at equal mean delay";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_260_301;
        var defaults = new EngineOptions();

        Console.WriteLine("| workload | poll cost | adaptive polls/job | adaptive mean delay (s) | optimal polls/job at that delay | adaptive / optimal |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var cost in new[] { defaults.PollCost.TotalSeconds, 0.06 })
        {
            var single = new DurationKey("MEDIUM", "1024X1024", 1);
            var warm = PollingSimulator.Durations(2_000, 25, 90, seed + 1);
            var measured = PollingSimulator.Durations(jobs, 25, 90, seed);
            var policy = Policy(defaults, cost);
            PollingSimulator.AdaptivePerJob(policy, Enumerable.Repeat(single, warm.Length).ToArray(), warm);
            var (polls, delays) = PollingSimulator.AdaptivePerJob(policy, Enumerable.Repeat(single, measured.Length).ToArray(), measured);
            Row("log-normal, median 25 s, p95 90 s", cost, measured, polls, delays, defaults);

            var (warmKeys, warmDurations) = MixedWorkload.Build(2_000, seed + 7);
            var (keys, durations) = MixedWorkload.Build(jobs, seed + 8);
            var mixed = Policy(defaults, cost);
            PollingSimulator.AdaptivePerJob(mixed, warmKeys, warmDurations);
            var (mixedPolls, mixedDelays) = PollingSimulator.AdaptivePerJob(mixed, keys, durations);
            foreach (var (key, median, p95) in MixedWorkload.Classes)
            {
                var mine = Enumerable.Range(0, keys.Length).Where(i => keys[i] == key).ToArray();
                Row($"mixed, {key.Quality.ToLowerInvariant()} (median {median} s, p95 {p95} s)", cost,
                    mine.Select(i => durations[i]).ToArray(), mine.Select(i => mixedPolls[i]).ToArray(), mine.Select(i => mixedDelays[i]).ToArray(), defaults);
            }
        }

        return Task.FromResult(0);
    }

    private static AdaptivePollingPolicy Policy(EngineOptions defaults, double cost) =>
        new(new PollingSettings(defaults.MinPollInterval, defaults.MaxPollInterval, TimeSpan.FromSeconds(cost), defaults.TailBackoffFactor));

    private static void Row(string workload, double cost, double[] durations, double[] polls, double[] delays, EngineOptions defaults)
    {
        var optimum = OptimalPollSchedule.Frontier(CompletionDistribution.FromSample(durations, 0.1), defaults.MinPollInterval.TotalSeconds, defaults.MaxPollInterval.TotalSeconds);
        var adaptivePolls = polls.Average();
        var adaptiveDelay = delays.Average();
        var best = PollFrontier.PollsAtDelay(optimum, adaptiveDelay);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {workload} | {cost:0.##} s | {adaptivePolls:0.00} | {adaptiveDelay:0.00} | {(best is { } b ? b.ToString("0.00", CultureInfo.InvariantCulture) : "outside the frontier")} | {(best is { } o ? (adaptivePolls / o).ToString("P0", CultureInfo.InvariantCulture) : "-")} |"));
    }
}

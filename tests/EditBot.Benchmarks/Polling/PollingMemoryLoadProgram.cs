using System.Diagnostics;
using System.Globalization;
using EditBot.Core.Jobs;

namespace EditBot.Benchmarks.Polling;

/// <summary>
/// <c>load polling-memory [jobs] [seconds]</c>: brings many jobs into Polling on SQLite, keeps polling them under
/// the shared budget for a while, and reports the process working set (target: 10,000 jobs under 150 MB).
/// </summary>
public sealed class PollingMemoryLoadProgram : ILoadProgram
{
    public string Name => "polling-memory";

    public string Description => "Working set with many jobs waiting in Polling (SQLite, zero-latency backend that never finishes)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var backend = new InstantBackend { FinishOnSubmit = false };
        await using var engine = new SqliteEngine(backend);
        await engine.EnqueueAsync(jobs, cancellationToken);

        var clock = Stopwatch.StartNew();
        await engine.Worker.StartAsync(cancellationToken);
        while (await engine.CountAsync(JobState.Polling, cancellationToken) < jobs && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(100, cancellationToken);
        }

        var reached = clock.Elapsed;
        var pollsBefore = backend.Polls;
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        var pollRate = (backend.Polls - pollsBefore) / (double)seconds;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var polling = await engine.CountAsync(JobState.Polling, cancellationToken);
        await engine.Worker.StopAsync(cancellationToken);

        Console.WriteLine("| jobs in Polling | time to reach (s) | polls/s while waiting | working set (MB) | managed heap (MB) | threads |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {polling:N0} | {reached.TotalSeconds:0.0} | {pollRate:0.0} | {process.WorkingSet64 / 1048576.0:0} | {GC.GetTotalMemory(false) / 1048576.0:0} | {process.Threads.Count} |"));
        return 0;
    }
}

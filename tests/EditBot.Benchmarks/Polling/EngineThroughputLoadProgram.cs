using System.Diagnostics;
using System.Globalization;
using EditBot.Core.Jobs;

namespace EditBot.Benchmarks.Polling;

/// <summary><c>load engine-throughput [jobs] [concurrency]</c>: Queued→Done jobs per second on SQLite with a zero-latency backend.</summary>
public sealed class EngineThroughputLoadProgram : ILoadProgram
{
    public string Name => "engine-throughput";

    public string Description => "Jobs per second from Queued to Done through the real worker on SQLite, zero-latency backend";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var concurrency = args.Length > 1 ? args[1] : "32";
        await using var engine = new SqliteEngine(new InstantBackend(), new Dictionary<string, string?>
        {
            ["Engine:MaxConcurrency"] = concurrency,
            ["Engine:ClaimBatch"] = concurrency,
        });
        await engine.EnqueueAsync(jobs, cancellationToken);

        var clock = Stopwatch.StartNew();
        await engine.Worker.StartAsync(cancellationToken);
        while (await engine.CountAsync(JobState.Done, cancellationToken) < jobs)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                Console.WriteLine("Gave up after 10 minutes.");
                return 1;
            }

            await Task.Delay(20, cancellationToken);
        }

        clock.Stop();
        await engine.Worker.StopAsync(cancellationToken);
        Console.WriteLine("| jobs | concurrency | seconds | jobs/s | submits | delivered |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {jobs:N0} | {concurrency} | {clock.Elapsed.TotalSeconds:0.00} | {jobs / clock.Elapsed.TotalSeconds:0} | {engine.Backend.Submits:N0} | {engine.Delivery.Delivered:N0} |"));
        return 0;
    }
}

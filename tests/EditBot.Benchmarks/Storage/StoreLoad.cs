using System.Diagnostics;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Storage.Postgres;
using EditBot.Storage.Sqlite;
using EditBot.TestSupport.Postgres;

namespace EditBot.Benchmarks.Storage;

/// <summary>
/// Store throughput as the engine uses it: workers claim due jobs in batches and walk each from Queued to Done
/// with 8 compare-and-set writes, each with its event. Args: [sqlite|postgres] [jobs] [workers].
/// </summary>
public sealed class StoreLoad : ILoadProgram
{
    private static readonly JobState[] Path =
    [
        JobState.Preparing, JobState.Submitting, JobState.Submitted, JobState.Polling,
        JobState.Polling, JobState.Fetching, JobState.Delivering, JobState.Done,
    ];

    public string Name => "store";

    public string Description => "Job store writes/s, claims/s and jobs/s Queued->Done (args: sqlite|postgres [jobs] [workers])";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var jobCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000;
        var workers = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4;
        var folder = Directory.CreateTempSubdirectory("editbot-storeload-").FullName;
        PostgresCluster? cluster = null;
        IDisposable database;
        IJobStore store;
        if (provider == "postgres")
        {
            cluster = await PostgresCluster.StartAsync(cancellationToken);
            var pg = new PostgresDatabase(await cluster.CreateDatabaseAsync("load", cancellationToken), TimeProvider.System);
            (database, store) = (pg, new PostgresJobStore(pg));
        }
        else
        {
            var sqlite = new SqliteDatabase($"Data Source={System.IO.Path.Combine(folder, "load.db")}", TimeProvider.System);
            (database, store) = (sqlite, new SqliteJobStore(sqlite));
        }

        try
        {
            var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var insert = Stopwatch.StartNew();
            for (var i = 0; i < jobCount; i++)
            {
                var job = NewJob(now.AddMilliseconds(i));
                await store.InsertAsync(job, new JobEvent(job.Id, job.CreatedAt, JobState.Received, JobState.Queued, "queued"), cancellationToken);
            }

            insert.Stop();
            var claims = 0;
            var writes = 0;
            var run = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
            {
                while (true)
                {
                    var batch = await store.ClaimDueAsync($"w{w}", now.AddHours(1), TimeSpan.FromMinutes(5), 8, cancellationToken);
                    Interlocked.Increment(ref claims);
                    if (batch.Count == 0)
                    {
                        return;
                    }

                    foreach (var claimed in batch)
                    {
                        var job = claimed;
                        foreach (var next in Path)
                        {
                            var evt = new JobEvent(job.Id, now, job.State, next, "step");
                            job = await store.TryUpdateAsync(job with { State = next, Polls = job.Polls + 1 }, evt, cancellationToken)
                                ?? throw new InvalidOperationException("Lost a compare-and-set on a leased job.");
                            Interlocked.Increment(ref writes);
                        }
                    }
                }
            }, cancellationToken)));
            run.Stop();

            var done = await store.CountAsync(new JobQuery { States = [JobState.Done] }, cancellationToken);
            Console.WriteLine($"| store | jobs | workers | inserts/s | claim calls/s | CAS writes/s | jobs/s Queued->Done |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
            Console.WriteLine(
                $"| {provider} | {done}/{jobCount} | {workers} | {jobCount / insert.Elapsed.TotalSeconds:F0} | {claims / run.Elapsed.TotalSeconds:F0} | " +
                $"{writes / run.Elapsed.TotalSeconds:F0} | {done / run.Elapsed.TotalSeconds:F0} |");
            return done == jobCount ? 0 : 1;
        }
        finally
        {
            database.Dispose();
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static Job NewJob(DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        State = JobState.Queued,
        Request = new EditRequest("a prompt of ordinary length for an edit", "image-sha", null, "1024x1024", "high", 1),
        Origin = new JobOrigin("discord", "discord:1", "guild:1", """{"channel":"1","token":"x"}"""),
        CreatedAt = at,
        UpdatedAt = at,
    };
}

namespace EditBot.Benchmarks.Polling;

/// <summary>
/// A third scenario: each job waits in GMI's queue for an exponential time (mean 10 s), then processes for a narrower
/// log-normal time (median 20 s, p95 30 s). A poll sees "queued" during the wait, "processing" after it, then success.
/// </summary>
public static class QueueWaitWorkload
{
    public const double MeanWait = 10;
    public const double ProcessingMedian = 20;
    public const double ProcessingP95 = 30;

    public static (double[] Waits, double[] Processing) Build(int count, int seed)
    {
        var random = new Random(seed);
        var waits = new double[count];
        for (var i = 0; i < count; i++)
        {
            waits[i] = -MeanWait * Math.Log(1 - random.NextDouble());
        }

        return (waits, PollingSimulator.Durations(count, ProcessingMedian, ProcessingP95, seed + 1));
    }
}

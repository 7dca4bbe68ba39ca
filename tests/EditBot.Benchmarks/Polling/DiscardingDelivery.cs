using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Benchmarks.Polling;

/// <summary>A delivery route that only counts, for load runs.</summary>
public sealed class DiscardingDelivery : IJobDelivery
{
    private long _delivered;

    public string Kind => "load";

    public long Delivered => Interlocked.Read(ref _delivered);

    public Task DeliverAsync(Job job, IReadOnlyList<Blob> results, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _delivered);
        return Task.CompletedTask;
    }
}

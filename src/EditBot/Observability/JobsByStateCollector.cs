using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Observability;

/// <summary>Refreshes the jobs-by-state gauge from the store just before each scrape, so it is right across instances.</summary>
public sealed class JobsByStateCollector(EditBotMetrics metrics, IJobStore store)
{
    public void Attach() => metrics.Registry.AddBeforeCollectCallback(async cancellationToken =>
    {
        foreach (var state in Enum.GetValues<JobState>())
        {
            var count = await store.CountAsync(new JobQuery { States = [state], Limit = int.MaxValue }, cancellationToken);
            metrics.JobsByState.WithLabels(state.ToString()).Set(count);
        }
    });
}

using System.Collections.Concurrent;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;

namespace EditBot.Observability;

/// <summary>Turns persisted transitions into metrics: counts, polls, delivery time and job duration.</summary>
public sealed class JobMetricsObserver(EditBotMetrics metrics) : IJobObserver
{
    // When each job's API success was seen (its move to Fetching); removed when the job ends.
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _succeededAt = new();

    public ValueTask OnJobChangedAsync(Job job, JobEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(change);
        if (change.From == change.To)
        {
            if (change.To == JobState.Polling)
            {
                metrics.Polls.Inc();
            }

            return ValueTask.CompletedTask;
        }

        metrics.Transitions.WithLabels(change.To.ToString()).Inc();
        if (change.To == JobState.Fetching)
        {
            _succeededAt[job.Id] = change.At;
        }

        if (change.To.IsTerminal())
        {
            if (change.To == JobState.Done && _succeededAt.TryRemove(job.Id, out var succeeded))
            {
                metrics.DeliveryTime.Observe(Math.Max(0, (change.At - succeeded).TotalSeconds));
            }
            else
            {
                _succeededAt.TryRemove(job.Id, out _);
            }

            metrics.JobDuration.WithLabels(change.To.ToString()).Observe(Math.Max(0, (change.At - job.CreatedAt).TotalSeconds));
        }

        return ValueTask.CompletedTask;
    }
}

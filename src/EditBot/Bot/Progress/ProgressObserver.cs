using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Origin;

namespace EditBot.Bot.Progress;

/// <summary>
/// Turns job transitions into progress-message edits, coalesced to one per job per interval. Done is left to the
/// delivery, which writes the final message with the results' location and the contact sheet.
/// </summary>
public sealed class ProgressObserver(ProgressPublisher publisher) : IJobObserver
{
    public ValueTask OnJobChangedAsync(Job job, JobEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State is JobState.Done || !JobOrigins.TryReadDiscord(job, out _))
        {
            return ValueTask.CompletedTask;
        }

        publisher.Submit(job);
        return ValueTask.CompletedTask;
    }
}

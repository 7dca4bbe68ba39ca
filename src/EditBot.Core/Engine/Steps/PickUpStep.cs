using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Core.Engine.Steps;

/// <summary>
/// Queued → Preparing, unless submissions are paused or the requester already has as many jobs running as
/// <see cref="EngineOptions.MaxRunningPerRequester"/> allows: then the job stays queued and looks again shortly.
/// </summary>
internal sealed class PickUpStep(StepDependencies deps)
{
    private static readonly JobState[] Running =
        [JobState.Preparing, JobState.Submitting, JobState.Submitted, JobState.Polling, JobState.Fetching, JobState.Delivering];

    public async Task<StepResult> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var now = deps.Now;
        if (deps.Status.SubmissionsPaused)
        {
            return JobChanges.Later(job, now + deps.Options.PausedRecheckInterval, null, now);
        }

        var cap = deps.Options.MaxRunningPerRequester;
        if (cap > 0)
        {
            var running = await deps.Jobs.CountAsync(new JobQuery { RequesterKey = job.Origin.RequesterKey, States = Running, Limit = cap + 1 }, cancellationToken);
            if (running >= cap)
            {
                return JobChanges.Later(job, now + deps.Options.RunningCapRecheck, null, now);
            }
        }

        return JobChanges.Move(job, JobState.Preparing, $"Picked up by {deps.Options.WorkerId}", now);
    }
}

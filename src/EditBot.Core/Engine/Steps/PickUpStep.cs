using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Core.Engine.Steps;

/// <summary>
/// Queued → Preparing, unless submissions are paused or the requester already has as many jobs running as
/// <see cref="EngineOptions.MaxRunningPerRequester"/> allows: then the job stays queued and looks again shortly.
/// The count and the move are one decision under the requester's admission lock, so two workers (or two
/// instances) picking up the same person's jobs at once cannot both pass the cap.
/// </summary>
internal sealed class PickUpStep(StepDependencies deps)
{
    private static readonly JobState[] Running =
        [JobState.Preparing, JobState.Submitting, JobState.Submitted, JobState.Polling, JobState.Fetching, JobState.Delivering];

    public async Task<StepResult> ExecuteAsync(Job job, StepContext context, CancellationToken cancellationToken)
    {
        var now = deps.Now;
        if (deps.Status.SubmissionsPaused)
        {
            return JobChanges.Later(job, now + deps.Options.PausedRecheckInterval, null, now);
        }

        var cap = deps.Options.MaxRunningPerRequester;
        var pickedUp = $"Picked up by {deps.Options.WorkerId}";
        if (cap <= 0)
        {
            return JobChanges.Move(job, JobState.Preparing, pickedUp, now);
        }

        await using (await deps.Admission.AcquireAsync(AdmissionKeys.Running(job.Origin.RequesterKey), cancellationToken))
        {
            var running = await deps.Jobs.CountAsync(new JobQuery { RequesterKey = job.Origin.RequesterKey, States = Running, Limit = cap + 1 }, cancellationToken);
            now = deps.Now;
            if (running >= cap)
            {
                return JobChanges.Later(job, now + deps.Options.RunningCapRecheck, null, now);
            }

            var moved = JobChanges.Move(job, JobState.Preparing, pickedUp, now);
            var saved = await context.SaveProgressAsync(moved.Job, moved.Event, cancellationToken);
            return saved is null ? new StepResult(job, null, StepFollowUp.Abandon) : new StepResult(saved, null, StepFollowUp.Saved);
        }
    }
}

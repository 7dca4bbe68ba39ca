using EditBot.Core.Engine.Steps;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace EditBot.Core.Engine;

/// <summary>
/// Runs a claimed job step after step: each step's result is saved with its event (compare-and-set, merging a
/// concurrent cancel request), observers are told, and the job either continues in the same claim or is released.
/// </summary>
internal sealed partial class JobRunner(
    StepDependencies deps,
    PickUpStep pickUp,
    PrepareStep prepare,
    SubmitStep submit,
    PollStep poll,
    FetchStep fetch,
    DeliverStep deliver,
    JobObservers observers,
    ILogger<JobRunner> logger)
{
    private const int MaxMergeAttempts = 5;

    /// <param name="claimed">The job as returned by the claim, carrying our lease.</param>
    /// <param name="stopping">True once shutdown began: finish the current step, then release.</param>
    public async Task RunAsync(Job claimed, Func<bool> stopping, CancellationToken cancellationToken)
    {
        StepContext? context = null;
        context = new StepContext((job, note, ct) => SaveAsync(context!, job, note, StepFollowUp.Continue, ct))
        {
            Latest = claimed, LeaseOwner = claimed.LeaseOwner ?? deps.Options.WorkerId,
        };
        try
        {
            var job = claimed;
            while (true)
            {
                var result = await ExecuteStepAsync(job, context, cancellationToken);
                if (result.FollowUp is StepFollowUp.Abandon)
                {
                    return;
                }

                var saved = result.FollowUp is StepFollowUp.Saved
                    ? result.Job
                    : await SaveAsync(context, result.Job, result.Event, result.FollowUp, cancellationToken);
                if (saved is null || result.FollowUp is not (StepFollowUp.Continue or StepFollowUp.Saved))
                {
                    return;
                }

                job = saved;
                if (stopping())
                {
                    await ReleaseAsync(job);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(context.Latest!);
        }
        catch (AdmissionBusyException error)
        {
            // Others were deciding for a long time: nothing was decided for this job, which is not at fault.
            var latest = context.Latest!;
            LogAdmissionBusy(logger, latest.Id, latest.State, error.Message);
            await ReleaseAsync(latest, deps.Retry.Delay(1));
        }
        catch (Exception error)
        {
            // A bug or a store outage: never lose the job; give it back with backoff so it is retried.
            var latest = context.Latest!;
            LogStepCrashed(logger, error, latest.Id, latest.State);
            var attempts = latest.Attempts + 1;
            if (attempts >= deps.Options.MaxTransientAttempts)
            {
                var failed = JobChanges.Fail(latest, FailureCode.Unavailable, $"{latest.State} kept failing: {error.Message}", deps.Now);
                try
                {
                    await SaveAsync(context, failed.Job, failed.Event, StepFollowUp.Stop, CancellationToken.None);
                }
                catch (Exception saveError)
                {
                    LogReleaseFailed(logger, saveError, latest.Id);
                }

                return;
            }

            await ReleaseAsync(latest with { Attempts = attempts }, deps.Retry.Delay(attempts));
        }
    }

    private Task<StepResult> ExecuteStepAsync(Job job, StepContext context, CancellationToken cancellationToken)
    {
        var now = deps.Now;
        if (job.CancelRequested)
        {
            return Task.FromResult(JobChanges.Cancel(job, $"Cancelled as requested (was {job.State})", now));
        }

        return job.State switch
        {
            JobState.Queued => pickUp.ExecuteAsync(job, context, cancellationToken),
            JobState.Preparing => prepare.ExecuteAsync(job, context, cancellationToken),
            JobState.Submitting => submit.ExecuteAsync(job, context, cancellationToken),
            JobState.Submitted => Task.FromResult(poll.Start(job, context)),
            JobState.Polling => poll.ExecuteAsync(job, context, cancellationToken),
            JobState.Fetching => fetch.ExecuteAsync(job, context, cancellationToken),
            JobState.Delivering => deliver.ExecuteAsync(job, context, cancellationToken),
            // Not the worker's to act on (awaiting review, or already finished): just give the lease back.
            _ => Task.FromResult(new StepResult(job, null, StepFollowUp.Release)),
        };
    }

    private async Task<Job?> SaveAsync(StepContext context, Job job, JobEvent? evt, StepFollowUp followUp, CancellationToken cancellationToken)
    {
        var now = deps.Now;
        var toWrite = followUp switch
        {
            StepFollowUp.Continue => job with { UpdatedAt = now, NextAttemptAt = null, LeaseOwner = context.LeaseOwner, LeaseUntil = now + deps.Options.LeaseDuration },
            StepFollowUp.Stop => job with { UpdatedAt = now, NextAttemptAt = null, LeaseOwner = null, LeaseUntil = null },
            _ => job with { UpdatedAt = now, LeaseOwner = null, LeaseUntil = null },
        };

        for (var attempt = 0; attempt < MaxMergeAttempts; attempt++)
        {
            var saved = await deps.Jobs.TryUpdateAsync(toWrite, evt, cancellationToken);
            if (saved is not null)
            {
                context.Latest = saved;
                if (evt is not null)
                {
                    if (evt.To.IsTerminal())
                    {
                        LogFinished(logger, saved.Id, evt.To, evt.Reason);
                    }
                    else
                    {
                        LogMoved(logger, saved.Id, evt.From, evt.To, evt.Reason);
                    }

                    await observers.NotifyAsync(saved, evt, cancellationToken);
                }

                return saved;
            }

            // While we hold the lease only a user's cancel may write; keep its flag and our progress. The owner is this
            // claim's, not the process's: a later claim of the same job in this process fences this run off.
            var fresh = await deps.Jobs.GetAsync(job.Id, cancellationToken);
            if (fresh is null || fresh.IsTerminal || fresh.LeaseOwner != context.LeaseOwner)
            {
                LogLost(logger, job.Id, fresh?.State, fresh?.LeaseOwner);
                return null;
            }

            toWrite = toWrite with { Version = fresh.Version, CancelRequested = toWrite.CancelRequested || fresh.CancelRequested };
        }

        LogLost(logger, job.Id, null, null);
        return null;
    }

    /// <summary>Gives the job back without a state change so another claim (or a restart) picks it up.</summary>
    private async Task ReleaseAsync(Job latest, TimeSpan? after = null)
    {
        var now = deps.Now;
        var released = latest with { LeaseOwner = null, LeaseUntil = null, NextAttemptAt = after is { } delay ? now + delay : latest.NextAttemptAt };
        try
        {
            await deps.Jobs.TryUpdateAsync(released, null, CancellationToken.None);
        }
        catch (Exception error)
        {
            // The lease lapses by itself; this only makes the hand-over faster.
            LogReleaseFailed(logger, error, latest.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} moved from {From} to {To}: {Reason}")]
    private static partial void LogMoved(ILogger logger, Guid jobId, JobState from, JobState to, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ended {State}: {Reason}")]
    private static partial void LogFinished(ILogger logger, Guid jobId, JobState state, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} was taken over (now {State}, lease {LeaseOwner}); this worker stops working on it")]
    private static partial void LogLost(ILogger logger, Guid jobId, JobState? state, string? leaseOwner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} step {State} waits: {Reason}")]
    private static partial void LogAdmissionBusy(ILogger logger, Guid jobId, JobState state, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} step {State} crashed; it will be retried")]
    private static partial void LogStepCrashed(ILogger logger, Exception error, Guid jobId, JobState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the lease of job {JobId}; it will lapse")]
    private static partial void LogReleaseFailed(ILogger logger, Exception error, Guid jobId);
}

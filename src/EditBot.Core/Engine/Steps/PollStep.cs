using EditBot.Core.Backend;
using EditBot.Core.Jobs;
using EditBot.Core.Polling;

namespace EditBot.Core.Engine.Steps;

/// <summary>
/// Submitted and Polling: one status read per claim, scheduled by the adaptive policy within the shared poll
/// budget, from what the polls saw of the request (waiting, or since when processing). Between polls the job is only
/// a row with its next due time (and, in this process's memory, the window in which its request began processing).
/// </summary>
internal sealed class PollStep(StepDependencies deps)
{
    private readonly ProcessingWindows _windows = new(deps.Options.MaxJobDuration);

    /// <summary>Submitted: handle a terminal submit answer at once, else schedule the first poll.</summary>
    public StepResult Start(Job job, StepContext context)
    {
        var now = deps.Now;
        if (context.SubmitAnswer is { IsTerminal: true } answer && answer.RequestId == job.RemoteRequestId)
        {
            if (answer.Status is RemoteStatus.Success && answer.MediaUrls.Count > 0)
            {
                context.SubmitAnswer = null;
                return Finished(job, answer, job.SubmittedAt ?? now, now);
            }

            return JobChanges.Move(job, JobState.Polling, "The API answered at once", now);
        }

        context.SubmitAnswer = null;
        var submittedAt = job.SubmittedAt ?? now;
        var key = DurationKey.Of(job.Request);
        var next = NextPollAt(job, submittedAt, now);
        var expected = deps.Polling.Expected(key).Median;
        var reason = $"Waiting for the result (usually about {expected.TotalSeconds:0} s)";
        return JobChanges.Move(job with { NextAttemptAt = next }, JobState.Polling, reason, now, StepFollowUp.Release);
    }

    public async Task<StepResult> ExecuteAsync(Job job, StepContext context, CancellationToken cancellationToken)
    {
        var result = await PollAsync(job, context, cancellationToken);
        if (result.Job.State != JobState.Polling || result.Job.RemoteRequestId != job.RemoteRequestId)
        {
            _windows.Forget(job.Id);
        }

        return result;
    }

    private async Task<StepResult> PollAsync(Job job, StepContext context, CancellationToken cancellationToken)
    {
        var now = deps.Now;
        var submittedAt = job.SubmittedAt ?? job.UpdatedAt;
        RemoteRequest remote;
        if (context.SubmitAnswer is { IsTerminal: true } answer && answer.RequestId == job.RemoteRequestId)
        {
            remote = answer;
            context.SubmitAnswer = null;
        }
        else
        {
            if (now - submittedAt > deps.Options.MaxJobDuration)
            {
                var minutes = deps.Options.MaxJobDuration.TotalMinutes;
                return JobChanges.Fail(job, FailureCode.TimedOut, $"No result after {minutes:0.#} min (request {job.RemoteRequestId})", now);
            }

            if (!deps.PollBudget.TryAcquire(out var wait))
            {
                return JobChanges.Later(job, now + wait, null, now);
            }

            try
            {
                remote = await deps.Backend.GetAsync(job.RemoteRequestId!, cancellationToken);
            }
            catch (EditBackendException error) when (error.IsTransient)
            {
                return deps.Retry.RetryOrFail(job, FailureCode.Unavailable, "Checking the request", error.Message, error.RetryAfter, now);
            }
            catch (EditBackendException error)
            {
                return BackendFailures.Fail(deps, job, error, FailureCode.RemoteFailed);
            }
        }

        var statusChanged = !string.Equals(job.RemoteStatus, remote.RawStatus, StringComparison.OrdinalIgnoreCase);
        var seen = Sightings(job, remote.Status, submittedAt, now);
        var polled = job with { Polls = job.Polls + 1, RemoteStatus = remote.RawStatus, Attempts = 0 };
        return remote.Status switch
        {
            RemoteStatus.Success when remote.MediaUrls.Count == 0 =>
                JobChanges.Fail(polled, FailureCode.RemoteFailed, $"The API reported success without any image (request {remote.RequestId})", now),
            RemoteStatus.Success => Finished(polled, remote, submittedAt, now, seen),
            RemoteStatus.Failed => Failed(polled, remote, now),
            RemoteStatus.Cancelled => JobChanges.Fail(polled, FailureCode.RemoteFailed, $"The API cancelled request {remote.RequestId}", now),
            _ => JobChanges.Later(polled, NextPollAt(polled, submittedAt, now, seen), statusChanged ? $"Remote status: {remote.RawStatus}" : null, now),
        };
    }

    /// <summary>
    /// What the polls have seen, this one included: a waiting answer now; or the window in which processing began,
    /// from the previous poll (the last save) to the first that saw processing, remembered for the polls after it.
    /// </summary>
    private PollSightings Sightings(Job job, RemoteStatus status, DateTimeOffset submittedAt, DateTimeOffset now)
    {
        if (status is RemoteStatus.Created or RemoteStatus.Queued or RemoteStatus.Dispatched)
        {
            _windows.Forget(job.Id);
            return new PollSightings(now - submittedAt, null);
        }

        if (_windows.TryGet(job.Id, job.RemoteRequestId, out var notBefore, out var seenAt))
        {
            return new PollSightings(notBefore - submittedAt, seenAt - submittedAt);
        }

        var previouslyProcessing = Enum.TryParse<RemoteStatus>(job.RemoteStatus, ignoreCase: true, out var previous) && previous == RemoteStatus.Processing;
        if (status is not RemoteStatus.Processing || previouslyProcessing)
        {
            // Not processing, or seen processing before by a process that kept the window: count from the submission.
            return PollSightings.None;
        }

        var previousPoll = job.Polls > 0 && job.UpdatedAt > submittedAt ? job.UpdatedAt : submittedAt;
        _windows.Remember(job.Id, job.RemoteRequestId, previousPoll, now);
        return new PollSightings(job.Polls > 0 ? previousPoll - submittedAt : null, now - submittedAt);
    }

    private StepResult Finished(Job job, RemoteRequest remote, DateTimeOffset submittedAt, DateTimeOffset now, PollSightings seen = default)
    {
        var took = now - submittedAt;
        // The job ended between the previous poll (the last save) and this one: learn that window, not the detection time.
        var previousPoll = (job.UpdatedAt > submittedAt ? job.UpdatedAt : submittedAt) - submittedAt;
        var key = DurationKey.Of(job.Request);
        deps.Polling.Observe(key, previousPoll, took);
        if (seen.ProcessingStart is { } start)
        {
            deps.Polling.ObserveProcessing(key, previousPoll - start, took - start);
        }

        var done = job with { ResultUrls = remote.MediaUrls.ToArray() };
        return JobChanges.Move(done, JobState.Fetching, $"Finished after {took.TotalSeconds:0} s with {remote.MediaUrls.Count} image(s)", now);
    }

    private StepResult Failed(Job job, RemoteRequest remote, DateTimeOffset now)
    {
        var reason = remote.FailureReason ?? "no reason given";
        if (remote.FailureKind is RemoteFailureKind.ContentPolicy)
        {
            return JobChanges.Fail(job, FailureCode.ContentPolicy, reason, now);
        }

        var max = deps.Options.MaxRateLimitResubmits;
        var resubmitsSoFar = Math.Max(job.Submissions - 1, 0);
        if (remote.FailureKind is RemoteFailureKind.RateLimited && resubmitsSoFar < max)
        {
            var pause = deps.Options.RateLimitResubmitPause;
            var again = job with { RemoteRequestId = null, SubmitIntentAt = null, SubmittedAt = null, NextAttemptAt = now + pause };
            var note = $"Request {remote.RequestId} was rate limited ({reason}); resubmitting in {pause.TotalSeconds:0} s (resubmit {resubmitsSoFar + 1} of {max})";
            return JobChanges.Move(again, JobState.Submitting, note, now, StepFollowUp.Release);
        }

        var suffix = remote.FailureKind is RemoteFailureKind.RateLimited ? $" (still rate limited after {job.Submissions} submissions)" : string.Empty;
        return JobChanges.Fail(job, FailureCode.RemoteFailed, $"{reason}{suffix} (request {remote.RequestId})", now);
    }

    private DateTimeOffset NextPollAt(Job job, DateTimeOffset submittedAt, DateTimeOffset now, PollSightings seen = default)
    {
        var next = now + deps.Polling.NextPollDelay(DurationKey.Of(job.Request), now - submittedAt, seen);
        // Poll once right after the deadline so a timeout is noticed on time.
        var deadline = submittedAt + deps.Options.MaxJobDuration + TimeSpan.FromMilliseconds(1);
        return next < deadline ? next : deadline;
    }
}

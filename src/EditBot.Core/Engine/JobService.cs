using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Core.Engine;

/// <summary>
/// What the host calls: enqueue, review, cancel and read jobs. Every write is a compare-and-set that re-reads
/// and decides again when another writer (the worker, another instance) got there first.
/// </summary>
public sealed class JobService
{
    private const int MaxConflicts = 8;
    private readonly IJobStore _jobs;
    private readonly WorkSignal _signal;
    private readonly JobObservers _observers;
    private readonly TimeProvider _timeProvider;

    internal JobService(IJobStore jobs, WorkSignal signal, JobObservers observers, TimeProvider timeProvider)
    {
        _jobs = jobs;
        _signal = signal;
        _observers = observers;
        _timeProvider = timeProvider;
    }

    /// <summary>Stores a new job, Queued or AwaitingApproval, and wakes the worker.</summary>
    public async Task<Job> EnqueueAsync(EditRequest request, JobOrigin origin, bool needsApproval, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var state = needsApproval ? JobState.AwaitingApproval : JobState.Queued;
        var job = NewJob(request, origin, state, now);
        var reason = needsApproval ? "Received; waiting for a moderator's approval" : "Received and queued";
        var evt = new JobEvent(job.Id, now, JobState.Received, state, reason);
        var stored = await _jobs.InsertAsync(job, evt, cancellationToken);
        await _observers.NotifyAsync(stored, evt, cancellationToken);
        if (!needsApproval)
        {
            _signal.Notify();
        }

        return stored;
    }

    /// <summary>
    /// Stores a new job as Received: a reservation. It counts against limits and budgets like any live job, but no
    /// worker claims it until <see cref="ConfirmAsync"/> queues it. Call it under the admission lock in which the
    /// limits were counted, so counting and reserving are one decision; observers hear of the job on confirmation.
    /// </summary>
    public async Task<Job> ReserveAsync(EditRequest request, JobOrigin origin, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var job = NewJob(request, origin, JobState.Received, now);
        return await _jobs.InsertAsync(job, new JobEvent(job.Id, now, JobState.Received, JobState.Received, "Received; reserved against the limits"), cancellationToken);
    }

    /// <summary>
    /// Queues (or sends to review) a reservation made by <see cref="ReserveAsync"/>, with its final origin (which may now
    /// name its progress message). NotAllowed when the reservation ended meanwhile (cancelled, or expired by
    /// <see cref="ExpireReservationsAsync"/>).
    /// </summary>
    public Task<JobCommandResult> ConfirmAsync(Guid id, JobOrigin origin, bool needsApproval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var state = needsApproval ? JobState.AwaitingApproval : JobState.Queued;
        var reason = needsApproval ? "Received; waiting for a moderator's approval" : "Received and queued";
        return ChangeAsync(id, (job, now) => job.State is JobState.Received
            ? (job with { State = state, Origin = origin, NextAttemptAt = null }, Event(job, now, state, reason), JobCommandOutcome.Applied)
            : (null, null, JobCommandOutcome.NotAllowed),
            cancellationToken);
    }

    /// <summary>Ends a reservation that will not be queued (its progress message could not be posted): it stops counting.</summary>
    public Task<JobCommandResult> AbandonReservationAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, (job, now) => job.State is JobState.Received
            ? (job with { State = JobState.Cancelled, CompletedAt = now }, Event(job, now, JobState.Cancelled, reason), JobCommandOutcome.Applied)
            : (null, null, JobCommandOutcome.NotAllowed),
            cancellationToken);

    /// <summary>
    /// Cancels reservations older than <paramref name="olderThan"/>: their process stopped between reserving and
    /// queueing, so they would otherwise count against limits forever. Nothing was sent for them.
    /// </summary>
    /// <returns>The reservations given up, as cancelled.</returns>
    public async Task<IReadOnlyList<Job>> ExpireReservationsAsync(TimeSpan olderThan, int max, CancellationToken cancellationToken)
    {
        var cutoff = _timeProvider.GetUtcNow() - olderThan;
        var stale = await _jobs.ListAsync(new JobQuery { States = [JobState.Received], Limit = max }, cancellationToken);
        var expired = new List<Job>();
        foreach (var job in stale.Where(j => j.UpdatedAt < cutoff))
        {
            var result = await AbandonReservationAsync(job.Id, "Interrupted before it was queued; nothing was sent", cancellationToken);
            if (result is { Outcome: JobCommandOutcome.Applied, Job: { } cancelled })
            {
                expired.Add(cancelled);
            }
        }

        return expired;
    }

    private static Job NewJob(EditRequest request, JobOrigin origin, JobState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Prompt);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ImageBlob);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Count, 1);
        if (state != JobState.Received)
        {
            JobStateMachine.EnsureCanMove(JobState.Received, state);
        }

        return new Job
        {
            Id = Guid.CreateVersion7(now),
            State = state,
            Request = request,
            Origin = origin,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public Task<JobCommandResult> ApproveAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, (job, now) => job.State is JobState.AwaitingApproval
            ? (job with { State = JobState.Queued, NextAttemptAt = null }, Event(job, now, JobState.Queued, reason), JobCommandOutcome.Applied)
            : (null, null, JobCommandOutcome.NotAllowed),
            cancellationToken);

    public Task<JobCommandResult> RejectAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, (job, now) => JobStateMachine.CanMove(job.State, JobState.Rejected)
            ? (job with { State = JobState.Rejected, CompletedAt = now }, Event(job, now, JobState.Rejected, reason), JobCommandOutcome.Applied)
            : (null, null, JobCommandOutcome.NotAllowed),
            cancellationToken);

    /// <summary>
    /// Cancels at once when no worker holds the job; otherwise flags it and the worker stops at its next step.
    /// A job already submitted is cancelled too: its results are not delivered (the API cannot cancel).
    /// </summary>
    public Task<JobCommandResult> CancelAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, (job, now) =>
        {
            if (job.IsTerminal)
            {
                return (null, null, JobCommandOutcome.NotAllowed);
            }

            if (job.LeaseOwner is not null && job.LeaseUntil > now)
            {
                return job.CancelRequested
                    ? (null, null, JobCommandOutcome.CancelRequested)
                    : (job with { CancelRequested = true }, Event(job, now, job.State, $"Cancel requested: {reason}"), JobCommandOutcome.CancelRequested);
            }

            var cancelled = job with { State = JobState.Cancelled, CompletedAt = now, LeaseOwner = null, LeaseUntil = null, NextAttemptAt = null };
            return (cancelled, Event(job, now, JobState.Cancelled, reason), JobCommandOutcome.Applied);
        },
        cancellationToken);

    /// <summary>
    /// Sends again a job that failed because its lost submit could not be proven unaccepted
    /// (<see cref="FailureCode.SubmitUncertain"/>): an admin's explicit decision to risk paying twice. Back to Queued,
    /// with the submit intent cleared so it posts rather than reconciles. Any other job: NotAllowed.
    /// </summary>
    public Task<JobCommandResult> ResendAsync(Guid id, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, (job, now) =>
        {
            if (job.State != JobState.Failed || job.Failure?.Code != FailureCode.SubmitUncertain)
            {
                return (null, null, JobCommandOutcome.NotAllowed);
            }

            var queued = job with
            {
                State = JobState.Queued, Failure = null, CompletedAt = null, SubmitIntentAt = null, Attempts = 0, NextAttemptAt = null,
                LeaseOwner = null, LeaseUntil = null, CancelRequested = false,
            };
            var reason = $"Sent again at the request of {actor}, although GMI may already have accepted it (it may be paid twice)";
            return (queued, Event(job, now, JobState.Queued, reason), JobCommandOutcome.Applied);
        },
        cancellationToken);

    public Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken) => _jobs.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<JobEvent>> GetEventsAsync(Guid id, CancellationToken cancellationToken) => _jobs.GetEventsAsync(id, cancellationToken);

    /// <summary>1-based place among queued jobs; 0 when the job is not queued.</summary>
    public Task<int> GetQueuePositionAsync(Guid id, CancellationToken cancellationToken) => _jobs.GetQueuePositionAsync(id, cancellationToken);

    private static JobEvent Event(Job job, DateTimeOffset now, JobState to, string reason) => new(job.Id, now, job.State, to, reason);

    private async Task<JobCommandResult> ChangeAsync(
        Guid id,
        Func<Job, DateTimeOffset, (Job? Changed, JobEvent? Event, JobCommandOutcome Outcome)> decide,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var job = await _jobs.GetAsync(id, cancellationToken);
            if (job is null)
            {
                return new JobCommandResult(JobCommandOutcome.NotFound, null);
            }

            var now = _timeProvider.GetUtcNow();
            var (changed, evt, outcome) = decide(job, now);
            if (changed is null)
            {
                return new JobCommandResult(outcome, job);
            }

            if (changed.State != job.State && !JobStateMachine.IsResend(job, changed))
            {
                JobStateMachine.EnsureCanMove(job.State, changed.State);
            }

            var saved = await _jobs.TryUpdateAsync(changed with { UpdatedAt = now }, evt, cancellationToken);
            if (saved is null)
            {
                continue;
            }

            if (evt is not null)
            {
                await _observers.NotifyAsync(saved, evt, cancellationToken);
            }

            if (saved.State is JobState.Queued)
            {
                _signal.Notify();
            }

            return new JobCommandResult(outcome, saved);
        }

        throw new InvalidOperationException($"Job {id} kept changing under a user command; try again.");
    }
}

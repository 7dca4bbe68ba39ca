namespace EditBot.Core.Jobs;

/// <summary>
/// The allowed transitions of the job lifecycle (docs/architecture.md). Everything that changes a job's state asks here first,
/// so an illegal move is a bug caught at the point it is attempted, not a corrupt row found later.
/// </summary>
public static class JobStateMachine
{
    private static readonly Dictionary<JobState, JobState[]> Next = new()
    {
        [JobState.Received] = [JobState.AwaitingApproval, JobState.Queued],
        [JobState.AwaitingApproval] = [JobState.Queued],
        [JobState.Queued] = [JobState.Preparing],
        [JobState.Preparing] = [JobState.Submitting],
        // Submitting -> Queued: the submit was refused before acceptance (429) and is retried later.
        [JobState.Submitting] = [JobState.Submitted, JobState.Queued],
        [JobState.Submitted] = [JobState.Polling, JobState.Fetching],
        // Polling -> Submitting: a remote "rate limited" failure is resubmitted after a pause (bounded).
        [JobState.Polling] = [JobState.Fetching, JobState.Submitting],
        [JobState.Fetching] = [JobState.Delivering],
        [JobState.Delivering] = [JobState.Done],
        [JobState.Done] = [],
        [JobState.Failed] = [],
        [JobState.Rejected] = [],
        [JobState.Cancelled] = [],
    };

    public static bool IsTerminal(this JobState state) =>
        state is JobState.Done or JobState.Failed or JobState.Rejected or JobState.Cancelled;

    /// <summary>True when <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(JobState from, JobState to)
    {
        if (from.IsTerminal())
        {
            return false;
        }

        return to switch
        {
            // Any live job may fail or be cancelled; only a job awaiting review may be rejected.
            JobState.Failed or JobState.Cancelled => true,
            JobState.Rejected => from is JobState.AwaitingApproval or JobState.Received,
            _ => Next[from].Contains(to),
        };
    }

    /// <summary>
    /// The one way out of a terminal state: a job failed because a lost submit could not be proven unaccepted
    /// (<see cref="FailureCode.SubmitUncertain"/>) goes back to Queued when an admin asks for it to be sent again.
    /// </summary>
    public static bool IsResend(Job from, Job to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return from.State == JobState.Failed && from.Failure?.Code == FailureCode.SubmitUncertain && to.State == JobState.Queued;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> naming both states when the move is illegal.</summary>
    public static void EnsureCanMove(JobState from, JobState to)
    {
        if (!CanMove(from, to))
        {
            throw new InvalidOperationException($"A job cannot move from {from} to {to}.");
        }
    }
}

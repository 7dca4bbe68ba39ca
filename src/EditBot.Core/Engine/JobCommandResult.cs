using EditBot.Core.Jobs;

namespace EditBot.Core.Engine;

/// <summary>What a user command (approve, reject, cancel) did; <see cref="Job"/> is the job as it now stands.</summary>
public sealed record JobCommandResult(JobCommandOutcome Outcome, Job? Job);

public enum JobCommandOutcome
{
    /// <summary>The change is saved.</summary>
    Applied,
    /// <summary>A worker holds the job: it stops at its next step, and no result is delivered.</summary>
    CancelRequested,
    NotFound,
    /// <summary>The job's state does not allow it (e.g. approving a job that is not awaiting approval, cancelling a finished one).</summary>
    NotAllowed,
}

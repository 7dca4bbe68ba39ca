using EditBot.Core.Jobs;

namespace EditBot.Core.Engine;

/// <summary>What a step decided: the job to save, its event (null for silent bookkeeping) and what happens next.</summary>
internal sealed record StepResult(Job Job, JobEvent? Event, StepFollowUp FollowUp);

internal enum StepFollowUp
{
    /// <summary>Save, keep the lease and run the next step at once.</summary>
    Continue,
    /// <summary>Save and give the job back to the pool until its NextAttemptAt.</summary>
    Release,
    /// <summary>Save a terminal state.</summary>
    Stop,
    /// <summary>Someone else owns the job now: write nothing.</summary>
    Abandon,
    /// <summary>The step saved the job itself (inside a lock, with its event) and it keeps the lease: run the next step.</summary>
    Saved,
}

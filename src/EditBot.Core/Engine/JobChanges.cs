using EditBot.Core.Jobs;

namespace EditBot.Core.Engine;

/// <summary>Builds step results; every state change goes through the state machine and carries a reason.</summary>
internal static class JobChanges
{
    public static StepResult Move(Job job, JobState to, string reason, DateTimeOffset now, StepFollowUp followUp = StepFollowUp.Continue)
    {
        JobStateMachine.EnsureCanMove(job.State, to);
        var moved = job with { State = to, Attempts = 0 };
        return new StepResult(moved, new JobEvent(job.Id, now, job.State, to, reason), followUp);
    }

    public static StepResult Fail(Job job, FailureCode code, string message, DateTimeOffset now)
    {
        JobStateMachine.EnsureCanMove(job.State, JobState.Failed);
        var failed = job with { State = JobState.Failed, Failure = new JobFailure(code, message), CompletedAt = now };
        return new StepResult(failed, new JobEvent(job.Id, now, job.State, JobState.Failed, $"{code}: {message}"), StepFollowUp.Stop);
    }

    public static StepResult Cancel(Job job, string reason, DateTimeOffset now)
    {
        JobStateMachine.EnsureCanMove(job.State, JobState.Cancelled);
        var cancelled = job with { State = JobState.Cancelled, CompletedAt = now };
        return new StepResult(cancelled, new JobEvent(job.Id, now, job.State, JobState.Cancelled, reason), StepFollowUp.Stop);
    }

    /// <summary>Gives the job back until <paramref name="at"/>, with a note in its history when there is something to say.</summary>
    public static StepResult Later(Job job, DateTimeOffset at, string? note, DateTimeOffset now)
    {
        var evt = note is null ? null : new JobEvent(job.Id, now, job.State, job.State, note);
        return new StepResult(job with { NextAttemptAt = at }, evt, StepFollowUp.Release);
    }
}

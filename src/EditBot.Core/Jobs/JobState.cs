namespace EditBot.Core.Jobs;

/// <summary>The job lifecycle (docs/architecture.md). Values are persisted by name, never by number.</summary>
public enum JobState
{
    Received,
    AwaitingApproval,
    Queued,
    Preparing,
    Submitting,
    Submitted,
    Polling,
    Fetching,
    Delivering,
    Done,
    Failed,
    Rejected,
    Cancelled,
}

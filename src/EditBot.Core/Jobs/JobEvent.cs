namespace EditBot.Core.Jobs;

/// <summary>One entry of a job's history: a transition (From != To) or a note (From == To).</summary>
public sealed record JobEvent(Guid JobId, DateTimeOffset At, JobState From, JobState To, string Reason);

using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Origin;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Writes every request (received, sent to review), decision (approved, rejected, expired, cancelled) and outcome
/// (done, failed) of a server's jobs to its audit channel (through the queue). Jobs without a server are skipped.
/// </summary>
public sealed class AuditObserver(AuditLog auditLog, CostEstimator costs, IModerationContextReader contexts, TimeProvider time) : IJobObserver
{
    public ValueTask OnJobChangedAsync(Job job, JobEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(change);
        if (KindOf(change) is not { } kind || contexts.GuildOf(job) is not { } guildId)
        {
            return ValueTask.CompletedTask;
        }

        ulong? actor = null;
        string? detail = kind switch
        {
            AuditEventKind.Cancelled => change.Reason,
            AuditEventKind.Expired => change.Reason,
            AuditEventKind.Failed => job.Failure?.Message ?? change.Reason,
            _ => null,
        };
        if (kind is AuditEventKind.Approved or AuditEventKind.Rejected && ReviewReason.TryReadDecision(change.Reason, out var reviewer, out var why))
        {
            actor = reviewer;
            detail = why;
        }
        else if (kind is AuditEventKind.Rejected)
        {
            detail = change.Reason;
        }

        var entry = AuditEntries.ForJob(kind, job, contexts.Read(job.Origin), costs, time.GetUtcNow(), actor, detail);
        // Queued, not posted: this runs inside job transitions, some of them on an interaction's path.
        auditLog.Enqueue(guildId, entry);
        return ValueTask.CompletedTask;
    }

    /// <summary>Which audit event a transition is; notes (no state change) and intermediate steps are not audited.</summary>
    public static AuditEventKind? KindOf(JobEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.From == change.To)
        {
            return null;
        }

        return (change.From, change.To) switch
        {
            (JobState.Received, JobState.AwaitingApproval) => AuditEventKind.AwaitingReview,
            (JobState.Received, JobState.Queued) => AuditEventKind.Requested,
            (JobState.AwaitingApproval, JobState.Queued) => AuditEventKind.Approved,
            (_, JobState.Rejected) => ReviewReason.IsExpiry(change.Reason) ? AuditEventKind.Expired : AuditEventKind.Rejected,
            (_, JobState.Cancelled) => AuditEventKind.Cancelled,
            (_, JobState.Done) => AuditEventKind.Completed,
            (_, JobState.Failed) => AuditEventKind.Failed,
            _ => null,
        };
    }
}

namespace EditBot.Moderation;

/// <summary>What happened to a request. Persisted and shown by name.</summary>
public enum AuditEventKind
{
    Requested,
    Refused,
    AwaitingReview,
    Approved,
    Rejected,
    Expired,
    Submitted,
    Completed,
    Failed,
    Cancelled,
}

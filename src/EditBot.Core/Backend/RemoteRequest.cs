namespace EditBot.Core.Backend;

/// <summary>A request record of the remote queue, parsed.</summary>
public sealed record RemoteRequest(
    string RequestId,
    RemoteStatus Status,
    string RawStatus,
    IReadOnlyList<string> MediaUrls,
    string? FailureReason,
    RemoteFailureKind FailureKind,
    DateTimeOffset? CreatedAt)
{
    public bool IsTerminal => Status is RemoteStatus.Success or RemoteStatus.Failed or RemoteStatus.Cancelled;
}

/// <summary>GMI's statuses; anything else parses as <see cref="Unknown"/>, which is not terminal.</summary>
public enum RemoteStatus
{
    Created,
    Queued,
    Dispatched,
    Processing,
    Success,
    Failed,
    Cancelled,
    Unknown,
}

/// <summary>Classification of a terminal failure, which decides whether a resubmit is allowed.</summary>
public enum RemoteFailureKind
{
    None,
    /// <summary>The text mentions a rate limit: resubmit after a pause (bounded).</summary>
    RateLimited,
    /// <summary>A content-policy refusal (e.g. moderation_blocked): never retried.</summary>
    ContentPolicy,
    Other,
}

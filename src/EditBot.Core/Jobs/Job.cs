namespace EditBot.Core.Jobs;

/// <summary>
/// A job as persisted. Immutable: every change is a <c>with</c> copy written through <see cref="Storage.IJobStore"/>.
/// </summary>
public sealed record Job
{
    public required Guid Id { get; init; }
    public required JobState State { get; init; }
    public required EditRequest Request { get; init; }
    public required JobOrigin Origin { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic-concurrency version; the store bumps it on every write and refuses stale writes.</summary>
    public long Version { get; init; }

    /// <summary>When the worker may next act on this job (backoff, next poll). Null means now.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Lease holder (worker instance id) and expiry; a lapsed lease returns the job to the pool.</summary>
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Inputs made reachable by the API during Preparing (public URLs); null means inline base64.</summary>
    public string? StagedImageRef { get; init; }
    public string? StagedMaskRef { get; init; }

    /// <summary>Recorded just before the submit POST; with no <see cref="RemoteRequestId"/> it means "maybe submitted".</summary>
    public DateTimeOffset? SubmitIntentAt { get; init; }
    public string? RemoteRequestId { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>Accepted submissions so far (a rate-limited remote failure may be resubmitted, bounded).</summary>
    public int Submissions { get; init; }

    /// <summary>Consecutive transient failures of the current step, for backoff; reset on progress.</summary>
    public int Attempts { get; init; }
    public int Polls { get; init; }
    public string? RemoteStatus { get; init; }

    /// <summary>Result media URLs reported by the API (kept only until fetched).</summary>
    public IReadOnlyList<string> ResultUrls { get; init; } = [];
    /// <summary>Content-addressed blobs of the fetched results, in order.</summary>
    public IReadOnlyList<string> ResultBlobs { get; init; } = [];

    public JobFailure? Failure { get; init; }
    /// <summary>Set by a user's cancel while a worker holds the job; the worker honours it at its next step.</summary>
    public bool CancelRequested { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    public bool IsTerminal => State.IsTerminal();
}

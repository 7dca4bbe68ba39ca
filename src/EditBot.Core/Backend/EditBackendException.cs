namespace EditBot.Core.Backend;

/// <summary>A failed call to the edit API, classified for the engine.</summary>
public sealed class EditBackendException : Exception
{
    public EditBackendException(BackendErrorKind kind, string message, TimeSpan? retryAfter = null, bool maybeAccepted = false, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        RetryAfter = retryAfter;
        MaybeAccepted = maybeAccepted;
    }

    public BackendErrorKind Kind { get; }

    /// <summary>The server's Retry-After, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when a submit may have been accepted despite the error (5xx, timeout, dropped answer).</summary>
    public bool MaybeAccepted { get; }

    public bool IsTransient => Kind is BackendErrorKind.Transient;
}

public enum BackendErrorKind
{
    /// <summary>401 or unknown model: stop submitting until the operator fixes the configuration.</summary>
    Configuration,
    /// <summary>402: the account ran out of credits.</summary>
    InsufficientCredits,
    /// <summary>400: the API named what is wrong with the payload.</summary>
    BadRequest,
    /// <summary>A content-policy refusal at submit time.</summary>
    ContentPolicy,
    /// <summary>429, 5xx, timeouts, malformed answers: retry with backoff.</summary>
    Transient,
    /// <summary>A download was refused (host not allowed, too large, not found).</summary>
    DownloadRefused,
}

namespace EditBot.Core.Jobs;

/// <summary>Why a job ended badly. <see cref="Code"/> is stable (tests and the host switch on it); <see cref="Message"/> is for people.</summary>
public sealed record JobFailure(FailureCode Code, string Message);

public enum FailureCode
{
    /// <summary>The API refused the input (HTTP 400): the user can fix it.</summary>
    BadRequest,
    /// <summary>The prompt or image was refused by the content policy; never retried.</summary>
    ContentPolicy,
    /// <summary>The account has no credits left (HTTP 402).</summary>
    InsufficientCredits,
    /// <summary>The operator's configuration is wrong (HTTP 401, unknown model).</summary>
    Configuration,
    /// <summary>The remote job failed for a reason the user cannot act on.</summary>
    RemoteFailed,
    /// <summary>Retries were exhausted on transient errors (API down).</summary>
    Unavailable,
    /// <summary>The job took longer than the configured maximum.</summary>
    TimedOut,
    /// <summary>Results could not be downloaded or were not images.</summary>
    FetchFailed,
    /// <summary>Results could not be delivered to the requester.</summary>
    DeliveryFailed,
    /// <summary>A moderation rule refused it just before submission.</summary>
    PolicyRefused,
    /// <summary>An input blob vanished or could not be prepared.</summary>
    InputInvalid,
    /// <summary>
    /// A submit's answer was lost and GMI's list was too long to prove it was not accepted: not sent again, so it is
    /// never paid twice. An admin may send it again (<see cref="Engine.JobService.ResendAsync"/>).
    /// </summary>
    SubmitUncertain,
}

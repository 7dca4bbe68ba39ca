using EditBot.Core.Jobs;

namespace EditBot.Storage.Tests;

/// <summary>Builds jobs for the store tests. Times carry whole milliseconds, the precision both stores keep.</summary>
internal static class TestJobs
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    public static Job New(
        DateTimeOffset? createdAt = null,
        JobState state = JobState.Queued,
        string requester = "discord:1",
        string? scope = "guild:1",
        string imageBlob = "img",
        string? maskBlob = null) => new()
        {
            Id = Guid.NewGuid(),
            State = state,
            Request = new EditRequest("make the sky purple", imageBlob, maskBlob, "1024x1024", "high", 1),
            Origin = new JobOrigin("discord", requester, scope, """{"channel":"42"}"""),
            CreatedAt = createdAt ?? T0,
            UpdatedAt = createdAt ?? T0,
        };

    public static JobEvent Created(Job job) => new(job.Id, job.CreatedAt, JobState.Received, job.State, "created");

    /// <summary>A job with every optional member set to a distinct non-default value.</summary>
    public static Job Full() => New(T0, JobState.Polling, "discord:7", "guild:9", "image-sha", "mask-sha") with
    {
        UpdatedAt = T0.AddSeconds(5),
        NextAttemptAt = T0.AddSeconds(30),
        LeaseOwner = "worker-1",
        LeaseUntil = T0.AddMinutes(10),
        StagedImageRef = "https://example.test/image.png",
        StagedMaskRef = "https://example.test/mask.png",
        SubmitIntentAt = T0.AddSeconds(1),
        RemoteRequestId = "req-123",
        SubmittedAt = T0.AddSeconds(2),
        Submissions = 2,
        Attempts = 3,
        Polls = 4,
        RemoteStatus = "processing",
        ResultUrls = ["https://example.test/r1.png", "https://example.test/r2.png"],
        ResultBlobs = ["result-1", "result-2"],
        Failure = new JobFailure(FailureCode.RemoteFailed, "it broke"),
        CancelRequested = true,
        CompletedAt = T0.AddMinutes(1),
    };
}

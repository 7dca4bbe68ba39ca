using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Posts requests that wait for review without a review post: the post is made by an observer right after the job is
/// stored, so a Discord outage or a stop in between would otherwise leave a request nobody can see. Runs as a check
/// of the review sweep (<see cref="ExpiredReviewSweeper"/>, at start and every review interval), so the waiting
/// requests are scanned once; a grace period keeps it from racing the observer's own post.
/// </summary>
public sealed partial class MissingReviewPostService(
    IJobStore jobs,
    ReviewPostStore posts,
    ReviewQueueObserver poster,
    TimeProvider time,
    IOptions<ModerationDiscordOptions> options,
    ILogger<MissingReviewPostService> logger) : IWaitingReviewCheck
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>Posts <paramref name="job"/>'s review card when it has none and the grace period is over.</summary>
    public async Task<bool> CheckAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!options.Value.RepostMissingReviews || job.CreatedAt > time.GetUtcNow() - Grace
            || await posts.GetAsync(job.Id, cancellationToken) is not null || !await poster.PostAsync(job, cancellationToken))
        {
            return false;
        }

        LogReposted(logger, job.Id);
        return true;
    }

    /// <summary>Runs the check on every waiting request now, outside the sweep (for operators and tests).</summary>
    /// <returns>How many requests were posted.</returns>
    public async Task<int> RepostAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        try
        {
            var waiting = await jobs.ListAsync(ExpiredReviewSweeper.Waiting, cancellationToken);
            foreach (var job in waiting.OrderBy(j => j.CreatedAt))
            {
                posted += await CheckAsync(job, cancellationToken) ? 1 : 0;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRepostFailed(logger, error);
        }

        return posted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} was waiting for review without a post; posted it")]
    private static partial void LogReposted(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting missing review requests failed; retrying at the next interval")]
    private static partial void LogRepostFailed(ILogger logger, Exception error);
}

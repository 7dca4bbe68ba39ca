using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Posts requests that wait for review without a review post: the post is made by an observer right after the job is
/// stored, so a Discord outage or a stop in between would otherwise leave a request nobody can see. Runs at start and
/// with the review sweep's interval; a grace period keeps it from racing the observer's own post.
/// </summary>
public sealed partial class MissingReviewPostService(
    IJobStore jobs,
    ReviewPostStore posts,
    ReviewQueueObserver poster,
    TimeProvider time,
    IOptions<ModerationOptions> moderationOptions,
    IOptions<ModerationDiscordOptions> options,
    ILogger<MissingReviewPostService> logger) : PeriodicSweep(time, logger)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => moderationOptions.Value.ReviewSweepInterval;

    protected override string Name => "missing review posts";

    protected override bool Enabled => options.Value.RepostMissingReviews;

    protected override Task SweepAsync(CancellationToken cancellationToken) => RepostAsync(cancellationToken);

    /// <returns>How many requests were posted.</returns>
    public async Task<int> RepostAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        try
        {
            var waiting = await jobs.ListAsync(new JobQuery { States = [JobState.AwaitingApproval], Limit = 1000 }, cancellationToken);
            var cutoff = Time.GetUtcNow() - Grace;
            foreach (var job in waiting.Where(j => j.CreatedAt <= cutoff).OrderBy(j => j.CreatedAt))
            {
                if (await posts.GetAsync(job.Id, cancellationToken) is null && await poster.PostAsync(job, cancellationToken))
                {
                    posted++;
                    LogReposted(Logger, job.Id);
                }
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRepostFailed(Logger, error);
        }

        return posted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} was waiting for review without a post; posted it")]
    private static partial void LogReposted(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting missing review requests failed; retrying at the next interval")]
    private static partial void LogRepostFailed(ILogger logger, Exception error);
}

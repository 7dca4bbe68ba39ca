using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Approves, rejects and expires requests waiting for review: the job moves (compare-and-set, so two reviewers or a
/// reviewer and the expiry sweep cannot both win), the review post shows the outcome without buttons, and the
/// requester hears of a rejection or expiry. Approval needs no notice: the progress message shows the job queued.
/// </summary>
public sealed partial class ReviewDecisions(
    JobService jobs,
    ReviewPostStore posts,
    RequesterNotifier requester,
    CostEstimator costs,
    DiscordRestClient rest,
    ILogger<ReviewDecisions> logger)
{
    public async Task<JobCommandResult> ApproveAsync(Guid jobId, ulong reviewerId, CancellationToken cancellationToken)
    {
        var result = await jobs.ApproveAsync(jobId, ReviewReason.Approved(reviewerId), cancellationToken);
        if (result is { Outcome: JobCommandOutcome.Applied, Job: { } job })
        {
            await UpdatePostAsync(job, ReviewPostText.Approved(reviewerId), cancellationToken);
        }

        return result;
    }

    public async Task<JobCommandResult> RejectAsync(Guid jobId, ulong reviewerId, string? reason, CancellationToken cancellationToken)
    {
        var result = await RejectIfWaitingAsync(jobId, ReviewReason.Rejected(reviewerId, reason), cancellationToken);
        if (result is { Outcome: JobCommandOutcome.Applied, Job: { } job })
        {
            await UpdatePostAsync(job, ReviewPostText.Rejected(reviewerId, reason), cancellationToken);
            await requester.TellAsync(job, ReviewMessages.Rejected(reviewerId, reason), cancellationToken);
        }

        return result;
    }

    /// <summary>Ends a request nobody reviewed in time; a request decided in the meantime is left as it is.</summary>
    public async Task<JobCommandResult> ExpireAsync(Guid jobId, string message, CancellationToken cancellationToken)
    {
        var result = await RejectIfWaitingAsync(jobId, ReviewReason.Expired(message), cancellationToken);
        if (result is { Outcome: JobCommandOutcome.Applied, Job: { } job })
        {
            await UpdatePostAsync(job, ReviewPostText.Expired(message), cancellationToken);
            await requester.TellAsync(job, message, cancellationToken);
        }

        return result;
    }

    /// <summary>Shows the outcome on the review post and removes its buttons; the post is then forgotten.</summary>
    public async Task UpdatePostAsync(Job job, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await posts.GetAsync(job.Id, cancellationToken) is not { } post)
        {
            return;
        }

        try
        {
            var body = new MessageBody { Content = ReviewPostText.Decided(job, costs.Estimate(job.Request), outcome), Components = [], AllowedMentions = AllowedMentions.None };
            await rest.EditMessageAsync(post.ChannelId, post.MessageId, body, cancellationToken: cancellationToken);
            await posts.RemoveAsync(job.Id, cancellationToken);
        }
        catch (Exception error) when (error is DiscordApiException or HttpRequestException)
        {
            LogPostUpdateFailed(logger, error, job.Id);
        }
    }

    // Reject is allowed from Received too; a review decision must only ever end a request that is still waiting.
    private async Task<JobCommandResult> RejectIfWaitingAsync(Guid jobId, string reason, CancellationToken cancellationToken)
    {
        var current = await jobs.GetAsync(jobId, cancellationToken);
        if (current is null)
        {
            return new JobCommandResult(JobCommandOutcome.NotFound, null);
        }

        return current.State == JobState.AwaitingApproval
            ? await jobs.RejectAsync(jobId, reason, cancellationToken)
            : new JobCommandResult(JobCommandOutcome.NotAllowed, current);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The review post of job {JobId} could not be updated")]
    private static partial void LogPostUpdateFailed(ILogger logger, Exception error, Guid jobId);
}

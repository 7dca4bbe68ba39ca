using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation;

/// <summary>
/// The one scan of requests waiting for review: those that waited longer than their server's expiry go to
/// <see cref="IReviewExpiryHandler"/>, the others to every <see cref="IWaitingReviewCheck"/> (e.g. missing review
/// posts). Review state lives in the job store, so this works across restarts.
/// </summary>
public sealed class ExpiredReviewSweeper(
    IJobStore jobs,
    GuildSettingsStore settingsStore,
    IModerationContextReader contexts,
    IReviewExpiryHandler handler,
    TimeProvider time,
    ILogger<ExpiredReviewSweeper> logger,
    IEnumerable<IWaitingReviewCheck>? checks = null)
{
    /// <summary>The most waiting requests one sweep looks at, oldest first.</summary>
    public static readonly JobQuery Waiting = new() { States = [JobState.AwaitingApproval], Limit = 10_000 };

    private readonly IWaitingReviewCheck[] _checks = [.. checks ?? []];

    /// <summary>Expires what is due and runs the checks on the rest; returns how many jobs were expired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var waiting = await jobs.ListAsync(Waiting, cancellationToken);
        var now = time.GetUtcNow();
        var expired = 0;
        foreach (var job in waiting.OrderBy(j => j.CreatedAt))
        {
            var settings = contexts.GuildOf(job) is { } guildId ? await settingsStore.GetAsync(guildId, cancellationToken) : GuildSettings.Default;
            if (!ReviewPolicy.IsExpired(job, settings, now))
            {
                await CheckWaitingAsync(job, cancellationToken);
                continue;
            }

            try
            {
                await handler.ExpireAsync(job, ReviewMessages.Expired(settings.Review.EffectiveExpiry), cancellationToken);
                expired++;
                logger.LogInformation("Job {JobId} expired after waiting for review", job.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Job {JobId} could not be expired; will try again", job.Id);
            }
        }

        return expired;
    }

    private async Task CheckWaitingAsync(Job job, CancellationToken cancellationToken)
    {
        foreach (var check in _checks)
        {
            try
            {
                await check.CheckAsync(job, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Job {JobId} waiting for review: {Check} failed; will try again", job.Id, check.GetType().Name);
            }
        }
    }
}

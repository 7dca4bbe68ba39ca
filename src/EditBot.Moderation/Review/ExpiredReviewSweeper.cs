using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation;

/// <summary>
/// Finds requests that waited for review longer than their server's expiry and hands them to
/// <see cref="IReviewExpiryHandler"/>. Review state lives in the job store, so this works across restarts.
/// </summary>
public sealed class ExpiredReviewSweeper(
    IJobStore jobs, GuildSettingsStore settingsStore, IReviewExpiryHandler handler, TimeProvider time, ILogger<ExpiredReviewSweeper> logger)
{
    private const int MaxPerSweep = 10_000;

    /// <summary>Expires what is due; returns how many jobs were handed over.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var waiting = await jobs.ListAsync(new JobQuery { States = [JobState.AwaitingApproval], Limit = MaxPerSweep }, cancellationToken);
        var now = time.GetUtcNow();
        var expired = 0;
        foreach (var job in waiting.OrderBy(j => j.CreatedAt))
        {
            var settings = ModerationContext.GuildOf(job) is { } guildId ? await settingsStore.GetAsync(guildId, cancellationToken) : GuildSettings.Default;
            if (!ReviewPolicy.IsExpired(job, settings, now))
            {
                continue;
            }

            try
            {
                await handler.ExpireAsync(job, ReviewMessages.Expired(settings.Review.EffectiveExpiry), cancellationToken);
                expired++;
                logger.LogInformation("Job {JobId} expired after waiting for review", job.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Job {JobId} could not be expired; will try again", job.Id);
            }
        }

        return expired;
    }
}

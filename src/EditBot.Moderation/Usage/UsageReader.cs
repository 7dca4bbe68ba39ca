using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Moderation;

/// <summary>
/// Reads usage today from the job store (see <see cref="UsageCounting"/>): a server's (and a member's last request),
/// a person's across every server and DM, and the whole deployment's spend.
/// </summary>
public sealed class UsageReader(IJobStore jobs, CostEstimator costs, IOptions<ModerationOptions> options, ILogger<UsageReader> logger)
{
    /// <param name="excludeJobId">The job being checked at submission, already in the store, which must not count against itself.</param>
    /// <param name="cooldown">When set, also finds the member's last request within this window (which may reach into yesterday).</param>
    public async Task<UsageSnapshot> ReadAsync(
        ulong guildId, ulong userId, DateTimeOffset now, CheckPoint point, Guid? excludeJobId, TimeSpan? cooldown, CancellationToken cancellationToken)
    {
        var dayStart = UsageCounting.StartOfUtcDay(now);
        var since = cooldown is { } window && now - window < dayStart ? now - window : dayStart;
        var counted = await CountedAsync(new JobQuery { ScopeKey = OriginKeys.Guild(guildId) }, since, now, point, excludeJobId, $"guild {guildId}", cancellationToken);
        var userKey = OriginKeys.User(userId);
        var today = counted.Where(c => c.SpentAt >= dayStart).Select(c => c.Job).ToList();
        return new UsageSnapshot(
            UserEditsToday: today.Count(j => j.Origin.RequesterKey == userKey),
            ServerImagesToday: today.Sum(j => j.Request.Count),
            ServerCostTodayUsd: today.Sum(j => costs.Estimate(j.Request).TotalUsd),
            UserLastRequestAt: counted.Where(c => c.Job.Origin.RequesterKey == userKey).Select(c => (DateTimeOffset?)c.Job.CreatedAt).Max());
    }

    /// <summary>A person's edits today in every server and DM (null <paramref name="userId"/>: none read).</summary>
    public async Task<int> UserEditsTodayAsync(ulong userId, DateTimeOffset now, CheckPoint point, Guid? excludeJobId, CancellationToken cancellationToken)
    {
        var dayStart = UsageCounting.StartOfUtcDay(now);
        var counted = await CountedAsync(new JobQuery { RequesterKey = OriginKeys.User(userId) }, dayStart, now, point, excludeJobId, $"user {userId}", cancellationToken);
        return counted.Count(c => c.SpentAt >= dayStart);
    }

    /// <summary>What the whole deployment spent today (every server, DM and command line), in USD.</summary>
    public async Task<decimal> SpentTodayUsdAsync(DateTimeOffset now, CheckPoint point, Guid? excludeJobId, CancellationToken cancellationToken)
    {
        var dayStart = UsageCounting.StartOfUtcDay(now);
        var counted = await CountedAsync(new JobQuery(), dayStart, now, point, excludeJobId, "the deployment", cancellationToken);
        return counted.Where(c => c.SpentAt >= dayStart).Sum(c => costs.Estimate(c.Job.Request).TotalUsd);
    }

    /// <summary>
    /// The jobs of <paramref name="filter"/> that count at <paramref name="point"/> and may fall in the window: written
    /// since <paramref name="since"/> (a job spent today was written today) or still live (a reservation made days ago
    /// that has not been spent yet counts today), with the moment each was spent.
    /// </summary>
    private async Task<List<(Job Job, DateTimeOffset SpentAt)>> CountedAsync(
        JobQuery filter, DateTimeOffset since, DateTimeOffset now, CheckPoint point, Guid? excludeJobId, string whose, CancellationToken cancellationToken)
    {
        var limit = options.Value.UsageScanLimit;
        var written = await jobs.ListAsync(filter with { UpdatedSince = since, Limit = limit }, cancellationToken);
        var live = await jobs.ListAsync(filter with { States = JobQuery.Active, Limit = limit }, cancellationToken);
        if (written.Count >= limit || live.Count >= limit)
        {
            logger.LogWarning("Usage of {Whose} read only the newest {Limit} jobs; raise Moderation:UsageScanLimit", whose, limit);
        }

        var counted = new List<(Job, DateTimeOffset)>();
        foreach (var job in written.Concat(live).DistinctBy(j => j.Id))
        {
            if (job.Id != excludeJobId && UsageCounting.SpentAt(job, point, now) is { } spentAt)
            {
                counted.Add((job, spentAt));
            }
        }

        return counted;
    }
}

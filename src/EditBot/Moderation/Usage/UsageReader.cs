using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Moderation;

/// <summary>Reads a server's usage today (and a member's last request) from the job store; see <see cref="UsageCounting"/>.</summary>
public sealed class UsageReader(IJobStore jobs, CostEstimator costs, IOptions<ModerationOptions> options, ILogger<UsageReader> logger)
{
    /// <param name="excludeJobId">The job being checked at submission, already in the store, which must not count against itself.</param>
    /// <param name="cooldown">When set, also finds the member's last request within this window (which may reach into yesterday).</param>
    public async Task<UsageSnapshot> ReadAsync(
        ulong guildId, ulong userId, DateTimeOffset now, CheckPoint point, Guid? excludeJobId, TimeSpan? cooldown, CancellationToken cancellationToken)
    {
        var dayStart = UsageCounting.StartOfUtcDay(now);
        var since = cooldown is { } window && now - window < dayStart ? now - window : dayStart;
        var limit = options.Value.UsageScanLimit;
        var found = await jobs.ListAsync(new JobQuery { ScopeKey = ModerationKeys.Guild(guildId), CreatedSince = since, Limit = limit }, cancellationToken);
        if (found.Count >= limit)
        {
            logger.LogWarning("Usage of guild {GuildId} read only the newest {Limit} jobs; raise Moderation:UsageScanLimit", guildId, limit);
        }

        var userKey = ModerationKeys.User(userId);
        var counted = found.Where(j => j.Id != excludeJobId && UsageCounting.Counts(j, point)).ToList();
        var today = counted.Where(j => j.CreatedAt >= dayStart).ToList();
        return new UsageSnapshot(
            UserEditsToday: today.Count(j => j.Origin.RequesterKey == userKey),
            ServerImagesToday: today.Sum(j => j.Request.Count),
            ServerCostTodayUsd: today.Sum(j => costs.Estimate(j.Request).TotalUsd),
            UserLastRequestAt: counted.Where(j => j.Origin.RequesterKey == userKey).Select(j => (DateTimeOffset?)j.CreatedAt).Max());
    }
}

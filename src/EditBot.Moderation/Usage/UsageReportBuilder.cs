using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Moderation;

/// <summary>
/// Builds <see cref="UsageReport"/>s from the job store; jobs count as in <see cref="UsageCounting.MayHaveCost"/>, in the
/// period they were spent (as the limits count them), not the one they were asked for in.
/// </summary>
public sealed class UsageReportBuilder(
    IJobStore jobs, CostEstimator costs, TimeProvider time, IOptions<ModerationOptions> options, ILogger<UsageReportBuilder> logger)
{
    public const int MaxDays = 90;

    /// <param name="days">1 is today; clamped to 1..<see cref="MaxDays"/>.</param>
    /// <param name="userId">When set, only this member's jobs.</param>
    public async Task<UsageReport> BuildAsync(ulong guildId, int days, ulong? userId, CancellationToken cancellationToken)
    {
        days = Math.Clamp(days, 1, MaxDays);
        var since = UsageCounting.StartOfUtcDay(time.GetUtcNow()).AddDays(1 - days);
        var limit = options.Value.UsageScanLimit;
        var query = new JobQuery
        {
            ScopeKey = OriginKeys.Guild(guildId),
            RequesterKey = userId is { } id ? OriginKeys.User(id) : null,
            UpdatedSince = since,
            Limit = limit,
        };
        var found = await jobs.ListAsync(query, cancellationToken);
        if (found.Count >= limit)
        {
            logger.LogWarning("Usage report of guild {GuildId} read only the newest {Limit} jobs; raise Moderation:UsageScanLimit", guildId, limit);
        }

        var server = UsageTotals.Zero;
        var perUser = new Dictionary<ulong, UsageTotals>();
        var perDay = new UsageTotals[days];
        Array.Fill(perDay, UsageTotals.Zero);
        var now = time.GetUtcNow();
        foreach (var job in found)
        {
            if (UsageCounting.SpentAt(job, CheckPoint.Submission, now) is not { } spentAt || spentAt < since)
            {
                continue;
            }

            var cost = costs.Estimate(job.Request).TotalUsd;
            server = server.Add(job.Request.Count, cost);
            // A job spent after now (a clock ahead of this one) counts on the last day.
            var day = Math.Min(days - 1, (int)((spentAt - since).Ticks / TimeSpan.TicksPerDay));
            perDay[day] = perDay[day].Add(job.Request.Count, cost);
            if (OriginKeys.TryParseUser(job.Origin.RequesterKey, out var user))
            {
                perUser[user] = perUser.GetValueOrDefault(user, UsageTotals.Zero).Add(job.Request.Count, cost);
            }
        }

        var users = perUser.OrderByDescending(p => p.Value.CostUsd).ThenByDescending(p => p.Value.Edits).ThenBy(p => p.Key)
            .Select(p => (p.Key, p.Value)).ToList();
        var sinceDate = DateOnly.FromDateTime(since.UtcDateTime);
        return new UsageReport(guildId, days, since, server, users, perDay.Select((t, i) => new UsageDay(sinceDate.AddDays(i), t)).ToList());
    }
}

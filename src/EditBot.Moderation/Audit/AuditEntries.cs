using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>Builds <see cref="AuditEntry"/> values from what the host has at hand: an intake request or a stored job.</summary>
public static class AuditEntries
{
    /// <summary>For intake: the request was received, sent to review, or refused (then <paramref name="detail"/> is the refusal message).</summary>
    public static AuditEntry ForRequest(AuditEventKind kind, ModerationRequest request, Guid? jobId, CostEstimate cost, DateTimeOffset at, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cost);
        return new AuditEntry(kind, jobId, request.UserId, request.ChannelId, request.Prompt, cost.TotalUsd, at, Detail: detail);
    }

    /// <summary>
    /// For a decision or outcome of a stored job; who and where come from its <paramref name="context"/> (read from the
    /// job's origin), else the requester from its key.
    /// </summary>
    public static AuditEntry ForJob(AuditEventKind kind, Job job, ModerationContext? context, CostEstimator costs, DateTimeOffset at, ulong? actorId = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(costs);
        var userId = context?.UserId ?? (OriginKeys.TryParseUser(job.Origin.RequesterKey, out var parsed) ? parsed : 0);
        var channelId = context?.ChannelId ?? 0;
        return new AuditEntry(kind, job.Id, userId, channelId, job.Request.Prompt, costs.Estimate(job.Request).TotalUsd, at, actorId, detail ?? job.Failure?.Message);
    }
}

using System.Globalization;
using EditBot.Core.Jobs;
using EditBot.Origin;

namespace EditBot.Moderation.Discord;

/// <summary>What the review post says once a request was decided: the request, then who decided what.</summary>
public static class ReviewPostText
{
    public static string Approved(ulong reviewerId) => $"✅ **Approved** by <@{Id(reviewerId)}>";

    public static string Rejected(ulong reviewerId, string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? $"❌ **Rejected** by <@{Id(reviewerId)}>"
            : $"❌ **Rejected** by <@{Id(reviewerId)}>: {AuditText.Truncate(AuditText.EscapeMarkdown(AuditText.OneLine(reason.Trim())), 500)}";

    public static string Expired(string message) => "⌛ **Expired**: " + message;

    public static string Ended(JobState state) => $"This request is no longer waiting for review ({state}).";

    /// <summary>The request's summary (without the expiry line, which no longer applies) followed by <paramref name="outcome"/>.</summary>
    public static string Decided(Job job, CostEstimate cost, string outcome)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(cost);
        var who = JobOrigins.Read(job.Origin).Moderation is { } context
            ? $"Edit request from <@{Id(context.UserId)}> in <#{Id(context.ChannelId)}>"
            : "Edit request";
        return AuditText.Truncate(
            $"{who}\nPrompt: {AuditText.Truncate(AuditText.EscapeMarkdown(job.Request.Prompt), 1500)}\nEstimated cost: {cost.Describe()}\n{outcome}",
            AuditEntry.MaxContentLength);
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

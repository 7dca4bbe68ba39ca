using System.Globalization;

namespace EditBot.Moderation;

/// <summary>What requesters and the review channel are told about a review.</summary>
public static class ReviewMessages
{
    public const string Waiting = "Waiting for review: a moderator will approve or reject this edit.";

    public static string Approved(ulong reviewerId) => $"Approved by <@{Id(reviewerId)}>; your edit is queued.";

    public static string Rejected(ulong reviewerId, string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? $"Your edit was rejected by <@{Id(reviewerId)}>."
            : $"Your edit was rejected by <@{Id(reviewerId)}>: {AuditText.Truncate(reason.Trim(), 1000)}";

    public static string Expired(TimeSpan expiry) =>
        $"This edit request expired: nobody reviewed it within {DurationText.Minutes(expiry)}.";

    /// <summary>The review post's text: requester, place, prompt, estimated cost and when it expires (Discord timestamp).</summary>
    public static string ReviewRequest(ModerationRequest request, CostEstimate cost, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cost);
        var expires = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"Edit request from <@{Id(request.UserId)}> in <#{Id(request.ChannelId)}>\n"
            + $"Prompt: {AuditText.Truncate(AuditText.EscapeMarkdown(request.Prompt), 1500)}\n"
            + $"Estimated cost: {cost.Describe()}\n"
            + $"Expires <t:{expires}:R>";
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

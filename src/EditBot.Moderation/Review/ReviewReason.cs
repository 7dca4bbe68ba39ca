using System.Globalization;
using System.Text.RegularExpressions;

namespace EditBot.Moderation;

/// <summary>
/// The reasons stored on review transitions (the job's event history), in one readable form that the audit observer
/// can read back: who decided, and why. Approvals and rejections made elsewhere (the CLI) simply carry no reviewer.
/// </summary>
public static partial class ReviewReason
{
    private const string ExpiredPrefix = "Expired: ";

    public static string Approved(ulong reviewerId) => $"Approved by reviewer {Id(reviewerId)}";

    public static string Rejected(ulong reviewerId, string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? $"Rejected by reviewer {Id(reviewerId)}" : $"Rejected by reviewer {Id(reviewerId)}: {reason.Trim()}";

    public static string Expired(string message) => ExpiredPrefix + message;

    public static bool IsExpiry(string reason) => reason?.StartsWith(ExpiredPrefix, StringComparison.Ordinal) == true;

    /// <summary>Reads the reviewer and their reason from a reason written by <see cref="Approved"/> or <see cref="Rejected"/>.</summary>
    public static bool TryReadDecision(string? reason, out ulong reviewerId, out string? detail)
    {
        reviewerId = 0;
        detail = null;
        var match = reason is null ? Match.Empty : DecisionPattern().Match(reason);
        if (!match.Success || !ulong.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out reviewerId))
        {
            return false;
        }

        detail = match.Groups["why"].Success ? match.Groups["why"].Value : null;
        return true;
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:Approved|Rejected) by reviewer (?<id>\d{1,20})(?:: (?<why>.*))?$", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DecisionPattern();
}

using EditBot.Core.Backend;

namespace EditBot.Gmi.Parsing;

/// <summary>
/// Classifies GMI's free-text failure reasons. Content policy is checked first: a refusal must never be retried,
/// even if its text also happens to mention limits.
/// </summary>
internal static class FailureClassifier
{
    private static readonly string[] ContentPolicyMarkers =
    [
        "moderation_blocked", "moderation blocked", "content policy", "content_policy", "content-policy",
        "safety system", "safety_system", "safety violation", "safety_violation", "content filter",
        "content_filter", "policy violation", "responsible ai", "prohibited content", "flagged by",
    ];

    private static readonly string[] RateLimitMarkers =
    [
        "rate limit", "rate_limit", "ratelimit", "rate-limit", "too many requests",
    ];

    public static RemoteFailureKind Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RemoteFailureKind.Other;
        }

        if (IsContentPolicy(text))
        {
            return RemoteFailureKind.ContentPolicy;
        }

        return RateLimitMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase))
            ? RemoteFailureKind.RateLimited
            : RemoteFailureKind.Other;
    }

    public static bool IsContentPolicy(string? text) =>
        !string.IsNullOrEmpty(text) && ContentPolicyMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
}

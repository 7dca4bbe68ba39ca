using System.Globalization;
using System.Net.Http.Headers;

namespace EditBot.Discord.RateLimits;

/// <summary>The rate-limit headers of one response.</summary>
internal sealed record RateLimitHeaders(string? Bucket, int? Limit, int? Remaining, TimeSpan? ResetAfter, RateLimitScope? Scope, bool Global)
{
    public static RateLimitHeaders Read(HttpResponseHeaders headers) => new(
        Text(headers, "X-RateLimit-Bucket"),
        int.TryParse(Text(headers, "X-RateLimit-Limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) ? limit : null,
        int.TryParse(Text(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
        Seconds(Text(headers, "X-RateLimit-Reset-After")),
        Text(headers, "X-RateLimit-Scope")?.ToUpperInvariant() switch
        {
            "USER" => RateLimitScope.User,
            "GLOBAL" => RateLimitScope.Global,
            "SHARED" => RateLimitScope.Shared,
            _ => null,
        },
        string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Retry-After header (whole seconds) as a fallback when a 429 body has no <c>retry_after</c>.</summary>
    public static TimeSpan? RetryAfterHeader(HttpResponseHeaders headers) => Seconds(Text(headers, "Retry-After"));

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string? Text(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

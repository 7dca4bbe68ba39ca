using System.Globalization;

namespace EditBot.TestSupport.Discord;

/// <summary>
/// Answers that come from Cloudflare in front of Discord rather than from Discord: HTML error pages and 429s without
/// a JSON body or X-RateLimit-* headers. Tests opt in to them; Discord's own answers stay the default.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private const string CloudflareErrorPage =
        "<!DOCTYPE html><html><head><title>discord.com | 502: Bad gateway</title></head><body><h1>Bad gateway</h1>"
        + "<p>Cloudflare Ray ID: 8f00000000000000</p></body></html>";

    private readonly List<(FakeResult Answer, string? RouteKey, int Times)> _proxyFaults = [];
    private DateTimeOffset _cloudflareBlockedUntil = DateTimeOffset.MinValue;
    private TimeSpan _cloudflareRetryAfter;

    /// <summary>The next <paramref name="times"/> requests (of one route, or any) get Cloudflare's HTML error page.</summary>
    public void ForceHtmlError(int status = 502, string? routeKey = null, int times = 1) =>
        AddProxyFault(new FakeResult(status, null) { RawBody = CloudflareErrorPage.Replace("502", status.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) }, routeKey, times);

    /// <summary>
    /// The next <paramref name="times"/> requests get Cloudflare's 429: <c>Retry-After</c> only, a text or HTML body,
    /// no X-RateLimit-* headers. Cloudflare limits the whole address, so every route is refused (and recorded as an
    /// early 429) until <paramref name="retryAfter"/> has passed.
    /// </summary>
    public void ForceCloudflareRateLimit(TimeSpan retryAfter, string? routeKey = null, int times = 1, bool html = false)
    {
        var seconds = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var answer = new FakeResult(429, null, new Dictionary<string, string> { ["Retry-After"] = seconds })
        {
            RawBody = html ? "<html><body><h1>Error 1015</h1><p>You are being rate limited</p></body></html>" : "error code: 1015",
            RawContentType = html ? "text/html; charset=UTF-8" : "text/plain; charset=UTF-8",
        };
        AddProxyFault(answer, routeKey, times);
    }

    private void AddProxyFault(FakeResult answer, string? routeKey, int times)
    {
        lock (_sync)
        {
            _proxyFaults.Add((answer, routeKey, times));
        }
    }

    private FakeResult? TakeProxyFault(string routeKey, Dictionary<string, string> headers)
    {
        lock (_sync)
        {
            var now = _timeProvider.GetUtcNow();
            if (now < _cloudflareBlockedUntil)
            {
                _rateLimiter.Record(routeKey, FakeRateLimitScope.Global, _cloudflareBlockedUntil - now, early: true);
                headers["Retry-After"] = Math.Ceiling((_cloudflareBlockedUntil - now).TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return new FakeResult(429, null) { RawBody = "error code: 1015", RawContentType = "text/plain; charset=UTF-8" };
            }

            var index = _proxyFaults.FindIndex(f => f.Times > 0 && (f.RouteKey is null || f.RouteKey == routeKey));
            if (index < 0)
            {
                return null;
            }

            var fault = _proxyFaults[index];
            _proxyFaults[index] = fault with { Times = fault.Times - 1 };
            if (fault.Answer.Status == 429)
            {
                _cloudflareRetryAfter = TimeSpan.FromSeconds(double.Parse(fault.Answer.Headers!["Retry-After"], CultureInfo.InvariantCulture));
                _cloudflareBlockedUntil = now + _cloudflareRetryAfter;
                _rateLimiter.Record(routeKey, FakeRateLimitScope.Global, _cloudflareRetryAfter, early: false);
            }

            return fault.Answer;
        }
    }
}

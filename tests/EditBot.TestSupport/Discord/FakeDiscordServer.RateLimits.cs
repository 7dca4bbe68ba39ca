namespace EditBot.TestSupport.Discord;

/// <summary>Rate-limit settings and what the fake answered.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>Requests per second over all non-interaction routes (Discord: 50).</summary>
    public int GlobalLimitPerSecond { get => _rateLimiter.GlobalLimitPerSecond; set => _rateLimiter.GlobalLimitPerSecond = value; }

    /// <summary>Every 429 the fake sent, natural or forced.</summary>
    public IReadOnlyList<FakeRateLimitAnswer> RateLimitAnswers => _rateLimiter.Answers;

    /// <summary>The limit a route has now (Discord's observed one unless a test changed it).</summary>
    public FakeRateLimitRule RateLimitRule(string routeKey) => _rateLimiter.RuleFor(routeKey);

    /// <summary>Puts routes in one Discord bucket: one counter per top-level resource and the same X-RateLimit-Bucket hash.</summary>
    public void ShareRateLimitBucket(string bucket, int limit, TimeSpan window, params string[] routeKeys) =>
        _rateLimiter.ShareBucket(bucket, limit, window, routeKeys);

    /// <summary>
    /// Throws when the fake had to answer a 429 that no test forced: a client that reads the headers never draws one
    /// in a normal flow. A test that provokes real limits on purpose says so with <paramref name="allowed"/>.
    /// </summary>
    public void AssertNoUnforcedRateLimits(int allowed = 0)
    {
        var unforced = RateLimitAnswers.Where(a => !a.Forced).ToList();
        if (unforced.Count > allowed)
        {
            throw new InvalidOperationException(
                $"The fake Discord answered {unforced.Count} unforced 429s: "
                + string.Join("; ", unforced.Select(a => $"{a.RouteKey} ({a.Scope}, retry {a.RetryAfter.TotalMilliseconds:0} ms)")));
        }
    }

    /// <summary>Limits one route (key like <c>POST /channels/{channel_id}/messages</c>) per top-level resource.</summary>
    public void SetRouteLimit(string routeKey, int limit, TimeSpan window) => _rateLimiter.SetLimit(routeKey, limit, window);

    /// <summary>
    /// Answers the next <paramref name="times"/> matching requests with a 429 of this scope, then keeps answering 429
    /// (marked <see cref="FakeRateLimitAnswer.Early"/>) to anything that comes back before <paramref name="retryAfter"/>.
    /// Global applies to all non-interaction routes; shared to the route's resource; user to the route's bucket.
    /// <paramref name="channelId"/> narrows the match to requests on that one channel (e.g. only the audit channel).
    /// </summary>
    public void ForceRateLimit(FakeRateLimitScope scope, TimeSpan retryAfter, string? routeKey = null, int times = 1, ulong? channelId = null) =>
        _rateLimiter.Force(scope, retryAfter, routeKey, times, channelId is { } channel ? "channel:" + channel.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
}

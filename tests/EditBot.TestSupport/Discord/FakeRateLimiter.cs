using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EditBot.TestSupport.Discord;

/// <summary>
/// Discord's limits as the fake applies them: a fixed window per bucket and top-level resource (with real
/// X-RateLimit-* headers; routes may share a bucket, see <see cref="FakeRateLimitDefaults"/>), a sliding one-second
/// global limit for non-interaction routes, and forced 429s.
/// </summary>
internal sealed class FakeRateLimiter(TimeProvider timeProvider)
{
    private readonly object _sync = new();
    private readonly Dictionary<string, FakeRateLimitRule> _limits = FakeRateLimitDefaults.Create();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _sharedBlocks = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _globalArrivals = new();
    private readonly List<Forced> _forced = [];
    private readonly List<FakeRateLimitAnswer> _answers = [];
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;

    public int GlobalLimitPerSecond { get; set; } = 50;

    public IReadOnlyList<FakeRateLimitAnswer> Answers
    {
        get
        {
            lock (_sync)
            {
                return [.. _answers];
            }
        }
    }

    /// <summary>Changes a route's limit; it keeps its bucket (shared routes share the new limit only if set on each).</summary>
    public void SetLimit(string routeKey, int limit, TimeSpan window)
    {
        lock (_sync)
        {
            _limits[routeKey] = new FakeRateLimitRule(RuleFor(routeKey).Bucket, limit, window);
        }
    }

    /// <summary>Puts the routes in one bucket (one counter per resource, one hash) with this limit.</summary>
    public void ShareBucket(string bucket, int limit, TimeSpan window, params string[] routeKeys)
    {
        lock (_sync)
        {
            foreach (var routeKey in routeKeys)
            {
                _limits[routeKey] = new FakeRateLimitRule(bucket, limit, window);
            }
        }
    }

    public FakeRateLimitRule RuleFor(string routeKey)
    {
        lock (_sync)
        {
            return _limits.GetValueOrDefault(routeKey) ?? FakeRateLimitDefaults.Unlisted(routeKey);
        }
    }

    public void Force(FakeRateLimitScope scope, TimeSpan retryAfter, string? routeKey, int times, string? major = null)
    {
        lock (_sync)
        {
            _forced.Add(new Forced(scope, retryAfter, routeKey, times, major));
        }
    }

    /// <summary>Null when the request may go (headers to add in <paramref name="headers"/>), else the 429 to send.</summary>
    public FakeRateLimitAnswer? Check(FakeRoute route, string major, Dictionary<string, string> headers)
    {
        lock (_sync)
        {
            var now = timeProvider.GetUtcNow();
            var key = route.Key;
            var rule = RuleFor(key);
            var bucketKey = rule.Bucket + "|" + major;
            if (!_buckets.TryGetValue(bucketKey, out var bucket))
            {
                _buckets[bucketKey] = bucket = new Bucket();
            }

            var exempt = route.IsInteractionRoute;
            if (!exempt && now < _globalBlockedUntil)
            {
                return Answer(key, FakeRateLimitScope.Global, _globalBlockedUntil - now, forced: true, early: true, now);
            }

            if (now < bucket.BlockedUntil)
            {
                return Answer(key, bucket.BlockedScope, bucket.BlockedUntil - now, forced: true, early: true, now);
            }

            if (_sharedBlocks.TryGetValue(major, out var sharedUntil) && now < sharedUntil)
            {
                return Answer(key, FakeRateLimitScope.Shared, sharedUntil - now, forced: true, early: true, now);
            }

            if (_forced.FirstOrDefault(f => f.Times > 0 && (f.RouteKey is null || f.RouteKey == key) && (f.Major is null || f.Major == major) && !(exempt && f.Scope == FakeRateLimitScope.Global)) is { } forced)
            {
                forced.Times--;
                var until = now + forced.RetryAfter;
                switch (forced.Scope)
                {
                    case FakeRateLimitScope.Global:
                        _globalBlockedUntil = until;
                        break;
                    case FakeRateLimitScope.Shared:
                        _sharedBlocks[major] = until;
                        break;
                    default:
                        bucket.BlockedUntil = until;
                        bucket.BlockedScope = forced.Scope;
                        break;
                }

                return Answer(key, forced.Scope, forced.RetryAfter, forced: true, early: false, now);
            }

            var (limit, window) = (rule.Limit, rule.Window);
            if (now >= bucket.WindowStart + window)
            {
                bucket.WindowStart = now;
                bucket.Count = 0;
            }

            var resetAfter = bucket.WindowStart + window - now;
            AddHeaders(headers, rule.Bucket, limit, Math.Max(0, limit - bucket.Count - 1), resetAfter, now);
            if (bucket.Count >= limit)
            {
                headers["X-RateLimit-Remaining"] = "0";
                return Answer(key, FakeRateLimitScope.User, resetAfter, forced: false, early: false, now);
            }

            if (!exempt)
            {
                while (_globalArrivals.Count > 0 && now - _globalArrivals.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _globalArrivals.Dequeue();
                }

                if (_globalArrivals.Count >= GlobalLimitPerSecond)
                {
                    headers.Clear();
                    return Answer(key, FakeRateLimitScope.Global, _globalArrivals.Peek() + TimeSpan.FromSeconds(1) - now, forced: false, early: false, now);
                }

                _globalArrivals.Enqueue(now);
            }

            bucket.Count++;
            return null;
        }
    }

    private static void AddHeaders(Dictionary<string, string> headers, string bucket, int limit, int remaining, TimeSpan resetAfter, DateTimeOffset now)
    {
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        // Rounded up to the millisecond, so a client that waits exactly this long is never early.
        var seconds = Math.Ceiling(resetAfter.TotalMilliseconds) / 1000.0;
        headers["X-RateLimit-Reset-After"] = seconds.ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = ((now + resetAfter).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bucket)), 0, 16);
    }

    /// <summary>Records a 429 the fake sent outside this limiter (Cloudflare's, in front of Discord).</summary>
    public void Record(string key, FakeRateLimitScope scope, TimeSpan retryAfter, bool early)
    {
        lock (_sync)
        {
            Answer(key, scope, retryAfter, forced: true, early, timeProvider.GetUtcNow());
        }
    }

    private FakeRateLimitAnswer Answer(string key, FakeRateLimitScope scope, TimeSpan retryAfter, bool forced, bool early, DateTimeOffset now)
    {
        var answer = new FakeRateLimitAnswer(key, scope, retryAfter, forced, early, now);
        _answers.Add(answer);
        return answer;
    }

    private sealed class Bucket
    {
        public int Count { get; set; }

        public DateTimeOffset WindowStart { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;

        public FakeRateLimitScope BlockedScope { get; set; }
    }

    private sealed class Forced(FakeRateLimitScope scope, TimeSpan retryAfter, string? routeKey, int times, string? major)
    {
        public FakeRateLimitScope Scope { get; } = scope;

        public TimeSpan RetryAfter { get; } = retryAfter;

        public string? RouteKey { get; } = routeKey;

        public string? Major { get; } = major;

        public int Times { get; set; } = times;
    }
}

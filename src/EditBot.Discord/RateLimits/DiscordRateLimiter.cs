using System.Collections.Concurrent;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.RateLimits;

/// <summary>
/// Keeps requests inside Discord's limits ahead of time, so normal load draws no 429: buckets are learned from the
/// X-RateLimit-* headers per route template and top-level resource, and the global limit applies to everything but
/// interaction routes. One limiter per process; processes sharing the token split the global budget
/// (<see cref="IGlobalRateShare"/>).
/// </summary>
public sealed class DiscordRateLimiter
{
    /// <summary>Discord's global limit per bot; the limiter keeps to <see cref="GlobalRequestsPerSecond"/> below it.</summary>
    public const int DiscordGlobalLimit = 50;

    private readonly ConcurrentDictionary<string, string> _bucketHashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly GlobalRateLimiter _global;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DiscordRateLimiter> _logger;

    public DiscordRateLimiter(
        TimeProvider timeProvider,
        InvalidRequestCounter invalidRequests,
        ILogger<DiscordRateLimiter> logger,
        IOptions<DiscordOptions>? options = null,
        IGlobalRateShare? share = null)
    {
        _timeProvider = timeProvider;
        InvalidRequests = invalidRequests;
        _logger = logger;
        GlobalRequestsPerSecond = Math.Clamp(options?.Value.GlobalRequestsPerSecond ?? new DiscordOptions().GlobalRequestsPerSecond, 1, DiscordGlobalLimit);
        _global = new GlobalRateLimiter(timeProvider, GlobalRequestsPerSecond, share);
    }

    /// <summary>The requests per second the bot token may send against the global limit; this process sends its share.</summary>
    public int GlobalRequestsPerSecond { get; }

    public InvalidRequestCounter InvalidRequests { get; }

    /// <summary>Waits until the route's bucket and the global limit allow a request; dispose the lease after the answer.</summary>
    public async Task<RateLimitLease> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var bucket = BucketFor(route);
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            while (bucket.WaitTime(_timeProvider.GetUtcNow()) is { } wait && wait > TimeSpan.Zero)
            {
                _logger.LogDebug("Waiting {Wait} for the bucket of {Route}", wait, route.RouteKey);
                await Task.Delay(wait, _timeProvider, cancellationToken);
            }

            var global = route.ExemptFromGlobalLimit ? null : await _global.WaitAsync(cancellationToken);
            return new RateLimitLease(this, route, bucket, global);
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    internal void Learn(DiscordRoute route, RateLimitBucket bucket, RateLimitHeaders headers)
    {
        var now = _timeProvider.GetUtcNow();
        bucket.Update(headers, now);
        if (headers.Bucket is not { } hash)
        {
            return;
        }

        if (!_bucketHashByRoute.TryGetValue(route.RouteKey, out var known) || known != hash)
        {
            // From now on this route shares the state of every route Discord put in the same bucket.
            _bucketHashByRoute[route.RouteKey] = hash;
        }

        var shared = _buckets.GetOrAdd(hash + "|" + route.MajorParameter, bucket);
        if (!ReferenceEquals(shared, bucket))
        {
            // This request went on the route's own probe bucket but used up the shared one: without this the routes
            // already in the shared bucket would spend the request again and draw a 429.
            shared.Update(headers, now);
        }
    }

    internal void RateLimited(DiscordRoute route, RateLimitBucket bucket, RateLimitScope scope, TimeSpan retryAfter, int statusCode)
    {
        // Block first, then say so: whoever acts on the log line (an operator, a test) must find the block in force.
        if (scope == RateLimitScope.Global)
        {
            _global.BlockFor(retryAfter);
        }
        else
        {
            bucket.BlockFor(retryAfter, _timeProvider.GetUtcNow());
        }

        _logger.LogWarning("Discord rate limited {Route} ({Scope}); retrying after {RetryAfter}", route.RouteKey, scope, retryAfter);

        if (scope != RateLimitScope.Shared)
        {
            InvalidRequests.Record(statusCode);
        }
    }

    private RateLimitBucket BucketFor(DiscordRoute route)
    {
        var identity = _bucketHashByRoute.TryGetValue(route.RouteKey, out var hash) ? hash : route.RouteKey;
        return _buckets.GetOrAdd(identity + "|" + route.MajorParameter, static _ => new RateLimitBucket());
    }
}

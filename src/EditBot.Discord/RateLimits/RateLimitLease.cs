using EditBot.Discord.Rest;

namespace EditBot.Discord.RateLimits;

/// <summary>Permission to send one request on a bucket; report the answer, then dispose to let the next one go.</summary>
public sealed class RateLimitLease : IDisposable
{
    private readonly DiscordRateLimiter _limiter;
    private readonly DiscordRoute _route;
    private readonly RateLimitBucket _bucket;
    private readonly GlobalSlot? _global;
    private bool _disposed;

    internal RateLimitLease(DiscordRateLimiter limiter, DiscordRoute route, RateLimitBucket bucket, GlobalSlot? global)
    {
        _limiter = limiter;
        _route = route;
        _bucket = bucket;
        _global = global;
    }

    /// <summary>Learns the bucket state from the answer's headers; for a 429 returns how long to wait before retrying.</summary>
    public TimeSpan? Complete(HttpResponseMessage response, TimeSpan? retryAfterFromBody, bool globalFromBody)
    {
        ArgumentNullException.ThrowIfNull(response);
        _global?.Complete();
        var headers = RateLimitHeaders.Read(response.Headers);
        var status = (int)response.StatusCode;
        if (status != 429)
        {
            _limiter.Learn(_route, _bucket, headers);
            if (status is 401 or 403)
            {
                _limiter.InvalidRequests.Record(status);
            }

            return null;
        }

        var scope = headers.Scope ?? (headers.Global || globalFromBody ? RateLimitScope.Global : RateLimitScope.User);
        var retryAfter = retryAfterFromBody ?? RateLimitHeaders.RetryAfterHeader(response.Headers) ?? TimeSpan.FromSeconds(1);
        if (scope != RateLimitScope.Global)
        {
            _limiter.Learn(_route, _bucket, headers with { Remaining = 0, ResetAfter = null });
        }

        _limiter.RateLimited(_route, _bucket, scope, retryAfter, status);
        return retryAfter;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            // A request that got no answer (timeout, dropped connection) may still have arrived: count it from now.
            _global?.Complete();
            _bucket.Gate.Release();
        }
    }
}

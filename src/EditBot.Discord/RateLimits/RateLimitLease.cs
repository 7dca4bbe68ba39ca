using EditBot.Discord.Rest;

namespace EditBot.Discord.RateLimits;

/// <summary>Permission to send one request on a bucket; report the answer, then dispose to let the next one go.</summary>
public sealed class RateLimitLease : IDisposable
{
    private readonly DiscordRateLimiter _limiter;
    private readonly DiscordRoute _route;
    private readonly RateLimitBucket _bucket;
    private bool _disposed;

    internal RateLimitLease(DiscordRateLimiter limiter, DiscordRoute route, RateLimitBucket bucket)
    {
        _limiter = limiter;
        _route = route;
        _bucket = bucket;
    }

    /// <summary>Learns the bucket state from the answer's headers; for a 429 returns how long to wait before retrying.</summary>
    public TimeSpan? Complete(HttpResponseMessage response, TimeSpan? retryAfterFromBody, bool globalFromBody)
    {
        ArgumentNullException.ThrowIfNull(response);
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
            _bucket.Gate.Release();
        }
    }
}

namespace EditBot.Discord.RateLimits;

/// <summary>
/// What is known of one bucket (route or Discord bucket hash, per top-level resource). The gate lets one request of
/// the bucket be in flight, so the headers of each answer are known before the next request decides to wait.
/// </summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int? Limit { get; set; }

    /// <summary>Requests left before <see cref="ResetAt"/>; unknown buckets start with one probe.</summary>
    public int Remaining { get; set; } = 1;

    public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Time until a request may go, or zero.</summary>
    public TimeSpan WaitTime(DateTimeOffset now)
    {
        if (now >= ResetAt)
        {
            if (Remaining <= 0)
            {
                Remaining = Limit ?? 1;
            }

            return TimeSpan.Zero;
        }

        return Remaining > 0 ? TimeSpan.Zero : ResetAt - now;
    }

    public void Update(RateLimitHeaders headers, DateTimeOffset now)
    {
        if (headers.Limit is { } limit)
        {
            Limit = limit;
        }

        if (headers.Remaining is { } remaining)
        {
            Remaining = remaining;
        }
        else if (Limit is not null)
        {
            Remaining--;
        }

        if (headers.ResetAfter is { } resetAfter)
        {
            // A millisecond of slack covers timer granularity and rounding of the header.
            ResetAt = now + resetAfter + TimeSpan.FromMilliseconds(1);
        }
    }

    public void BlockFor(TimeSpan retryAfter, DateTimeOffset now)
    {
        Remaining = 0;
        var until = now + retryAfter;
        if (until > ResetAt)
        {
            ResetAt = until;
        }
    }
}

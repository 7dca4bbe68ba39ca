namespace EditBot.Discord.RateLimits;

/// <summary>One request counted against the global limit; completing it starts its last window.</summary>
internal sealed class GlobalSlot(GlobalRateLimiter limiter)
{
    public DateTimeOffset? CompletedAt { get; set; }

    public void Complete() => limiter.Complete(this);
}

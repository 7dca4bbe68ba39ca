namespace EditBot.Discord.RateLimits;

/// <summary>
/// Discord's global limit is per bot token, not per process: when several processes use one token, each may send only
/// its share of <see cref="DiscordOptions.GlobalRequestsPerSecond"/>. The host supplies how many share it; without one
/// registered this process has the whole budget.
/// </summary>
public interface IGlobalRateShare
{
    /// <summary>How many processes share the token's global budget now (at least 1); waits while this one is still joining.</summary>
    ValueTask<int> SharersAsync(CancellationToken cancellationToken);
}

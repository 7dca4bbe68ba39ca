namespace EditBot.Discord.RateLimits;

/// <summary>The <c>X-RateLimit-Scope</c> of a 429.</summary>
public enum RateLimitScope
{
    /// <summary>This bot exceeded a per-route bucket.</summary>
    User,

    /// <summary>This bot exceeded the global per-bot limit.</summary>
    Global,

    /// <summary>The resource (e.g. a busy channel) is limited for everyone; does not count as an invalid request.</summary>
    Shared,
}

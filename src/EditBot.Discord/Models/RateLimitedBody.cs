namespace EditBot.Discord.Models;

/// <summary>The body of a 429: <c>{message, retry_after, global, code?}</c>.</summary>
public sealed record RateLimitedBody
{
    public string? Message { get; init; }

    /// <summary>Seconds, fractional.</summary>
    public double RetryAfter { get; init; }

    public bool Global { get; init; }

    public int? Code { get; init; }
}

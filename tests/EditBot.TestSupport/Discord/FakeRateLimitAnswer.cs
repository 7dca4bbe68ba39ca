namespace EditBot.TestSupport.Discord;

/// <summary>A 429 the fake sent.</summary>
/// <param name="Early">The request came before an earlier 429's retry_after had passed.</param>
public sealed record FakeRateLimitAnswer(string RouteKey, FakeRateLimitScope Scope, TimeSpan RetryAfter, bool Forced, bool Early, DateTimeOffset At);

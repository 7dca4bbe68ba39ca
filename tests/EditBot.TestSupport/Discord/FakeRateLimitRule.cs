namespace EditBot.TestSupport.Discord;

/// <summary>
/// One route's limit as the fake applies it: <paramref name="Bucket"/> names the Discord bucket (routes with the
/// same name share one counter per top-level resource and answer the same X-RateLimit-Bucket hash).
/// </summary>
public sealed record FakeRateLimitRule(string Bucket, int Limit, TimeSpan Window);

namespace EditBot.TestSupport.Gmi;

/// <summary>One scripted fault, consumed by the next call to its route (see <see cref="FakeGmiServer.EnqueueFault"/>).</summary>
public sealed record FakeGmiFault(FakeGmiFaultKind Kind, int StatusCode = 200, string? Body = null, TimeSpan? RetryAfter = null, TimeSpan? Delay = null, string? Text = null)
{
    /// <summary>Retry-After as an HTTP date (RFC 9110 allows both forms; proxies and some APIs send the date).</summary>
    public DateTimeOffset? RetryAfterDate { get; init; }

    public static FakeGmiFault RateLimitedUntil(DateTimeOffset until) =>
        new(FakeGmiFaultKind.Status, 429, "{\"error\":\"Too many requests\"}") { RetryAfterDate = until };

    public static FakeGmiFault Http(int statusCode, string? body = null, TimeSpan? retryAfter = null) =>
        new(FakeGmiFaultKind.Status, statusCode, body, retryAfter);

    public static FakeGmiFault RateLimited(TimeSpan retryAfter) =>
        new(FakeGmiFaultKind.Status, 429, "{\"error\":\"Too many requests\"}", retryAfter);

    public static FakeGmiFault Slow(TimeSpan delay) => new(FakeGmiFaultKind.Delay, Delay: delay);

    public static FakeGmiFault Malformed() => new(FakeGmiFaultKind.MalformedJson);

    public static FakeGmiFault Drop() => new(FakeGmiFaultKind.Drop);

    public static FakeGmiFault AcceptThenDrop() => new(FakeGmiFaultKind.AcceptThenDrop);

    /// <summary>The request is created, then the answer is <paramref name="statusCode"/> (as a gateway timing out after the app stored it).</summary>
    public static FakeGmiFault AcceptThenFail(int statusCode) => new(FakeGmiFaultKind.AcceptThenFail, statusCode);

    /// <summary>E.g. "Rate limit exceeded, retry later" or "moderation_blocked: ... safety system".</summary>
    public static FakeGmiFault FailWith(string text) => new(FakeGmiFaultKind.FailWith, Text: text);
}

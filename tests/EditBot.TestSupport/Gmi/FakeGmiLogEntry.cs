namespace EditBot.TestSupport.Gmi;

/// <summary>One call the fake received. PathAndQuery includes the query string (fake signatures only).</summary>
public sealed record FakeGmiLogEntry(string Method, string PathAndQuery, int StatusCode, bool Aborted, DateTimeOffset At, string? Authorization, string? OrganizationId, string? ContentType);

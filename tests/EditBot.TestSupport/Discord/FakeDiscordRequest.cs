namespace EditBot.TestSupport.Discord;

/// <summary>One request the fake received. The Authorization header is redacted.</summary>
public sealed record FakeDiscordRequest(
    string Method,
    string Path,
    string? RouteKey,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string? Body,
    IReadOnlyList<FakeUploadedFile> Files,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The status the fake answered.</summary>
    public int Status { get; set; }
}

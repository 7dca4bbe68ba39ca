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
    /// <summary>The body's bytes exactly as received (multipart boundaries and all).</summary>
    public byte[] RawBody { get; init; } = [];

    /// <summary>Each multipart part as sent (name, filename, headers, bytes); empty for a JSON body.</summary>
    public IReadOnlyList<FakeMultipartPart> Parts { get; init; } = [];

    /// <summary>The status the fake answered.</summary>
    public int Status { get; set; }
}

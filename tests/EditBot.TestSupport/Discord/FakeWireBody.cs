namespace EditBot.TestSupport.Discord;

/// <summary>A request body exactly as it crossed the wire: its bytes and, for multipart, each part as sent.</summary>
public sealed record FakeWireBody(byte[] Bytes, IReadOnlyList<FakeMultipartPart> Parts);

/// <summary>One part of a multipart body as sent: its headers (Content-Disposition, Content-Type, …) and raw bytes.</summary>
public sealed record FakeMultipartPart(string Name, string? FileName, IReadOnlyDictionary<string, string> Headers, byte[] Bytes)
{
    /// <summary>The part's Content-Type header, or null when the part sent none.</summary>
    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;
}

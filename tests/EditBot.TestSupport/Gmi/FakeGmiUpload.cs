namespace EditBot.TestSupport.Gmi;

/// <summary>An upload slot minted by POST /upload-url; Content is set once the PUT arrived.</summary>
internal sealed class FakeGmiUpload(string token, string contentType, string signature, string publicUrl, DateTimeOffset expiresAt)
{
    public string Token { get; } = token;
    public string ContentType { get; } = contentType;
    public string Signature { get; } = signature;
    public string PublicUrl { get; } = publicUrl;

    /// <summary>The PUT is refused after this instant (the presigned URL's lifetime).</summary>
    public DateTimeOffset ExpiresAt { get; } = expiresAt;
    public byte[]? Content { get; set; }
}

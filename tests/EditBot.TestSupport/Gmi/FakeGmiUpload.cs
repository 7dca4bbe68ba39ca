namespace EditBot.TestSupport.Gmi;

/// <summary>An upload slot minted by POST /upload-url; Content is set once the PUT arrived.</summary>
internal sealed class FakeGmiUpload(string token, string contentType, string signature, string publicUrl)
{
    public string Token { get; } = token;
    public string ContentType { get; } = contentType;
    public string Signature { get; } = signature;
    public string PublicUrl { get; } = publicUrl;
    public byte[]? Content { get; set; }
}

namespace EditBot.Gmi.Wire;

/// <summary>POST /upload-url answer. content_type is taken when GMI states the signed type.</summary>
internal sealed class UploadUrlDto
{
    public string? UploadUrl { get; set; }

    public string? PublicUrl { get; set; }

    public string? ContentType { get; set; }
}

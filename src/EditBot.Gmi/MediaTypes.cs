namespace EditBot.Gmi;

/// <summary>Maps between media types, upload file types and sniffed image signatures.</summary>
internal static class MediaTypes
{
    public static string ForFileType(string fileType) => fileType.ToUpperInvariant() switch
    {
        "PNG" => "image/png",
        "JPG" or "JPEG" => "image/jpeg",
        "WEBP" => "image/webp",
        _ => "application/octet-stream",
    };

    public static string FileTypeOf(string mediaType) => mediaType.ToUpperInvariant() switch
    {
        "IMAGE/JPEG" or "IMAGE/JPG" => "jpg",
        "IMAGE/WEBP" => "webp",
        _ => "png",
    };

    public static string Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            return "image/png";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        return content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)
            ? "image/webp"
            : "application/octet-stream";
    }
}

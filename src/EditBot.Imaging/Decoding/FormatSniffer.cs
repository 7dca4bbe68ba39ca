using System.Text;

namespace EditBot.Imaging.Decoding;

/// <summary>
/// Names a file from its magic bytes, before any codec sees it, so that refusals can say what the file is
/// (a HEIC photo, a PDF, text) rather than only "not an image".
/// </summary>
internal static class FormatSniffer
{
    // Not a u8 literal: "\x89" there would be the UTF-8 encoding of U+0089, two bytes.
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public const string AcceptedFormats = "PNG, JPEG, WebP, GIF (first frame only) and BMP";

    public static SniffedFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return SniffedFormat.Png;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SniffedFormat.Jpeg;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SniffedFormat.Webp;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return SniffedFormat.Gif;
        }

        if (bytes.StartsWith("BM"u8) && bytes.Length >= 26)
        {
            return SniffedFormat.Bmp;
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            return SniffedFormat.Pdf;
        }

        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return SniffedFormat.Tiff;
        }

        return SniffIsoMedia(bytes) ?? SniffText(bytes);
    }

    public static bool IsAccepted(SniffedFormat format) =>
        format is SniffedFormat.Png or SniffedFormat.Jpeg or SniffedFormat.Webp or SniffedFormat.Gif or SniffedFormat.Bmp;

    /// <summary>The media type and file extension (no dot) a file of this format is sent with; PNG when not recognised.</summary>
    public static (string MediaType, string Extension) Label(SniffedFormat format) => format switch
    {
        SniffedFormat.Jpeg => ("image/jpeg", "jpg"),
        SniffedFormat.Webp => ("image/webp", "webp"),
        SniffedFormat.Gif => ("image/gif", "gif"),
        _ => ("image/png", "png"),
    };

    public static string Describe(SniffedFormat format) => format switch
    {
        SniffedFormat.Heic => "a HEIC/HEIF photo",
        SniffedFormat.Avif => "an AVIF image",
        SniffedFormat.Svg => "an SVG drawing",
        SniffedFormat.Pdf => "a PDF document",
        SniffedFormat.Tiff => "a TIFF image",
        SniffedFormat.Text => "text, not an image",
        _ => "not an image format I can read",
    };

    // HEIC and AVIF are ISO media files: a 'ftyp' box whose brands name the codec.
    private static SniffedFormat? SniffIsoMedia(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16 || !bytes[4..8].SequenceEqual("ftyp"u8))
        {
            return null;
        }

        var brands = Encoding.ASCII.GetString(bytes[8..Math.Min(bytes.Length, 64)]);
        if (brands.Contains("avif", StringComparison.Ordinal) || brands.Contains("avis", StringComparison.Ordinal))
        {
            return SniffedFormat.Avif;
        }

        return brands.Contains("hei", StringComparison.Ordinal) || brands.Contains("hev", StringComparison.Ordinal)
            || brands.Contains("mif1", StringComparison.Ordinal) || brands.Contains("msf1", StringComparison.Ordinal)
            ? SniffedFormat.Heic
            : SniffedFormat.Unknown;
    }

    private static SniffedFormat SniffText(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('<') && text.Contains("<svg", StringComparison.OrdinalIgnoreCase))
        {
            return SniffedFormat.Svg;
        }

        foreach (var b in head)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F)
            {
                return SniffedFormat.Unknown;
            }
        }

        return head.IsEmpty ? SniffedFormat.Unknown : SniffedFormat.Text;
    }
}

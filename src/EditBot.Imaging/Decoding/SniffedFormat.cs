namespace EditBot.Imaging.Decoding;

/// <summary>What the first bytes of a file say it is; only the first five are accepted.</summary>
internal enum SniffedFormat
{
    Unknown,
    Png,
    Jpeg,
    Webp,
    Gif,
    Bmp,
    Heic,
    Avif,
    Svg,
    Pdf,
    Tiff,
    Text,
}

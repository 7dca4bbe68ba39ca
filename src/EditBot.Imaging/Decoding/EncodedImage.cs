using EditBot.Imaging.Intake;
using SkiaSharp;

namespace EditBot.Imaging.Decoding;

/// <summary>
/// An encoded file whose header has been read and checked against the limits. Nothing proportional to the
/// pixel count has been allocated yet: a decompression bomb stops here.
/// </summary>
internal sealed class EncodedImage : IDisposable
{
    private readonly PinnedEncodedData _data;

    private EncodedImage(ReadOnlyMemory<byte> bytes, SniffedFormat format, PinnedEncodedData data, SKCodec codec)
    {
        Bytes = bytes;
        Format = format;
        _data = data;
        Codec = codec;
        Origin = Orientation.IsValid(codec.EncodedOrigin) ? codec.EncodedOrigin : SKEncodedOrigin.TopLeft;
        var swap = Orientation.SwapsAxes(Origin);
        Width = swap ? codec.Info.Height : codec.Info.Width;
        Height = swap ? codec.Info.Width : codec.Info.Height;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    public SniffedFormat Format { get; }

    public SKCodec Codec { get; }

    public SKEncodedOrigin Origin { get; }

    /// <summary>Width once EXIF orientation is applied.</summary>
    public int Width { get; }

    /// <summary>Height once EXIF orientation is applied.</summary>
    public int Height { get; }

    /// <summary>Width x height as stored: what a full decode allocates, and what a decode takes from the <see cref="PixelBudget"/>.</summary>
    public long Pixels => PixelsOf(Codec);

    public static EncodedImage? Open(ReadOnlyMemory<byte> bytes, ImagingOptions options, InputKind kind, out ImageRejection? rejection)
    {
        var subject = kind == InputKind.Image ? "The image" : "The mask";
        rejection = null;
        if (bytes.IsEmpty)
        {
            rejection = new(RejectionCode.EmptyFile, kind, $"{subject} file is empty (0 bytes). Upload it again.");
            return null;
        }

        if (bytes.Length > options.MaxBytes)
        {
            rejection = new(RejectionCode.FileTooLarge, kind,
                $"{subject} is {Units.Megabytes(bytes.Length)}; the limit is {Units.Megabytes(options.MaxBytes)}. Send a smaller file.");
            return null;
        }

        var format = FormatSniffer.Sniff(bytes.Span);
        if (!FormatSniffer.IsAccepted(format))
        {
            rejection = new(RejectionCode.UnsupportedFormat, kind,
                $"{subject} is {FormatSniffer.Describe(format)}. I accept {FormatSniffer.AcceptedFormats} images: convert it to PNG or JPEG and try again.");
            return null;
        }

        var data = new PinnedEncodedData(bytes);
        var codec = SKCodec.Create(data.Data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            codec?.Dispose();
            data.Dispose();
            rejection = Damaged(kind, format);
            return null;
        }

        var pixels = PixelsOf(codec);
        if (pixels > options.MaxPixels)
        {
            rejection = new(RejectionCode.TooManyPixels, kind,
                $"{subject} is {codec.Info.Width}x{codec.Info.Height} ({Units.Megapixels(pixels)}); the limit is {Units.Megapixels(options.MaxPixels)}. Send a smaller image.");
            codec.Dispose();
            data.Dispose();
            return null;
        }

        return new EncodedImage(bytes, format, data, codec);
    }

    public static ImageRejection Damaged(InputKind kind, SniffedFormat format) =>
        new(RejectionCode.DamagedFile, kind,
            $"{(kind == InputKind.Image ? "The image" : "The mask")} looks like a {format.ToString().ToUpperInvariant()} file but is damaged or incomplete (perhaps the upload was cut short). Export it again and retry.");

    private static long PixelsOf(SKCodec codec) => (long)codec.Info.Width * codec.Info.Height;

    public void Dispose()
    {
        Codec.Dispose();
        _data.Dispose();
    }
}

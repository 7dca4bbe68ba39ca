using System.Globalization;
using EditBot.Imaging.Decoding;
using EditBot.Imaging.Encoders;
using EditBot.Imaging.Masks;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace EditBot.Imaging.Intake;

/// <summary>
/// Checks and normalizes what a user sent (image, optional mask or region, size) into what the model accepts.
/// Bad input never throws: it comes back as an <see cref="ImageRejection"/> with a message for the user.
/// Thread-safe; one instance serves the whole process.
/// </summary>
public sealed class ImageIntake(IOptions<ImagingOptions> options)
{
    private static readonly SKColorSpace Srgb = SKColorSpace.CreateSrgb();
    private readonly ImagingOptions _options = options.Value;

    /// <param name="image">The downloaded image file, any accepted format.</param>
    /// <param name="mask">The downloaded mask file, if the user attached one (white or transparent = edit).</param>
    /// <param name="region">A region preset, used when there is no mask; see <see cref="RegionSpec.TryParse"/>.</param>
    /// <param name="size">"auto" (or null) for the size closest to the image's shape, or a concrete size such as "1536x1024".</param>
    public IntakeResult Prepare(ReadOnlyMemory<byte> image, byte[]? mask = null, RegionSpec? region = null, string? size = null)
    {
        OutputSize? requested = null;
        if (!OutputSize.IsAuto(size) && !OutputSize.TryParse(size, out requested))
        {
            return new ImageRejection(RejectionCode.InvalidSize, InputKind.Image, $"size must be {OutputSize.Choices}.");
        }

        using var encoded = EncodedImage.Open(image, _options, InputKind.Image, out var rejection);
        if (encoded is null)
        {
            return rejection!;
        }

        var notes = new List<string>();
        if (encoded.Codec.FrameCount > 1)
        {
            notes.Add($"{encoded.Format.ToString().ToUpperInvariant()}: the image is animated; only the first frame was used.");
        }

        var prepared = PrepareImage(encoded, notes);
        if (prepared is null)
        {
            return EncodedImage.Damaged(InputKind.Image, encoded.Format);
        }

        var (bytes, mediaType, width, height, passedThrough) = prepared.Value;
        byte[]? maskPng = null;
        if (mask is { } maskBytes)
        {
            maskPng = MaskNormalizer.Normalize(maskBytes, encoded.Width, encoded.Height, width, height, _options, notes, out var maskRejection);
            if (maskRejection is not null)
            {
                return maskRejection;
            }

            if (region is not null)
            {
                notes.Add("You gave both a mask and a region; the mask was used.");
            }
        }
        else if (region is not null)
        {
            maskPng = RegionMask.RenderPng(region, width, height, _options.PngCompressionLevel);
        }

        var outputSize = requested ?? OutputSize.ClosestTo(encoded.Width, encoded.Height);
        return new PreparedEdit(bytes, mediaType, width, height, maskPng, outputSize, passedThrough, notes);
    }

    private (ReadOnlyMemory<byte> Bytes, string MediaType, int Width, int Height, bool PassedThrough)? PrepareImage(
        EncodedImage encoded, List<string> notes)
    {
        var fits = Math.Max(encoded.Width, encoded.Height) <= _options.MaxLongSide;
        if (fits && PassThroughCheck.IsEligible(encoded))
        {
            return (encoded.Bytes, FormatSniffer.Label(encoded.Format).MediaType, encoded.Width, encoded.Height, true);
        }

        using var bitmap = PixelDecoder.Decode(encoded, _options.MaxLongSide, SKColorType.Rgba8888, SKAlphaType.Premul, Srgb, out _);
        if (bitmap is null)
        {
            return null;
        }

        if (!fits)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The image was reduced from {encoded.Width}x{encoded.Height} to {bitmap.Width}x{bitmap.Height} before sending."));
        }

        var png = ImageEncoder.Png(bitmap, _options.PngCompressionLevel);
        return (png, "image/png", bitmap.Width, bitmap.Height, false);
    }
}

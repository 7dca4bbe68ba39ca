using System.Globalization;
using EditBot.Imaging.Decoding;
using EditBot.Imaging.Encoders;
using EditBot.Imaging.Intake;
using SkiaSharp;

namespace EditBot.Imaging.Packaging;

/// <summary>
/// Makes a result fit a per-file limit with as little loss as possible: lossless WebP first, then high-quality
/// WebP or JPEG, then (only if a tiny limit demands it) smaller pixel sizes.
/// </summary>
internal static class Reencoder
{
    private static readonly SKColorSpace Srgb = SKColorSpace.CreateSrgb();
    private static readonly double[] Reductions = [0.75, 0.5, 0.35, 0.25];

    /// <returns>The smallest-loss encoding that fits, or null when the file cannot be read or made to fit.</returns>
    public static async Task<ReencodedFile?> FitAsync(ReadOnlyMemory<byte> original, long limit, ImagingOptions options, PixelBudget budget,
        CancellationToken cancellationToken)
    {
        using var encoded = EncodedImage.Open(original, options, InputKind.Image, out _);
        if (encoded is null)
        {
            return null;
        }

        // Held through every encoding attempt below: the decoded bitmap (and its reductions) live until the end.
        using var lease = await budget.AcquireAsync(encoded.Pixels, cancellationToken);
        using var bitmap = PixelDecoder.Decode(encoded, Math.Max(encoded.Width, encoded.Height), SKColorType.Rgba8888,
            SKAlphaType.Premul, Srgb, out _);
        if (bitmap is null)
        {
            return null;
        }

        using var pixels = bitmap.PeekPixels();
        var opaque = bitmap.AlphaType == SKAlphaType.Opaque || pixels.ComputeIsOpaque();
        var fitted = FirstThatFits(pixels, opaque, limit, suffix: string.Empty);
        foreach (var reduction in Reductions)
        {
            if (fitted is not null)
            {
                break;
            }

            using var smaller = PixelDecoder.FitWithin(bitmap, (int)(Math.Max(bitmap.Width, bitmap.Height) * reduction));
            using var smallerPixels = smaller.PeekPixels();
            fitted = Lossy(smallerPixels, "WebP", 85, limit, string.Create(CultureInfo.InvariantCulture, $", reduced to {smaller.Width}x{smaller.Height}"));
        }

        return fitted;
    }

    private static ReencodedFile? FirstThatFits(SKPixmap pixels, bool opaque, long limit, string suffix)
    {
        var lossless = ImageEncoder.Webp(pixels, null);
        if (lossless.Length <= limit)
        {
            return new ReencodedFile(lossless, "image/webp", "webp", "lossless WebP" + suffix);
        }

        foreach (var quality in (int[])[92, 85, 75])
        {
            var fitted = Lossy(pixels, "WebP", quality, limit, suffix) ?? (opaque ? Lossy(pixels, "JPEG", quality, limit, suffix) : null);
            if (fitted is not null)
            {
                return fitted;
            }
        }

        return null;
    }

    private static ReencodedFile? Lossy(SKPixmap pixels, string format, int quality, long limit, string suffix)
    {
        var bytes = format == "JPEG" ? ImageEncoder.Jpeg(pixels, quality) : ImageEncoder.Webp(pixels, quality);
        if (bytes.Length > limit)
        {
            return null;
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"{format} at quality {quality}{suffix}");
        return format == "JPEG"
            ? new ReencodedFile(bytes, "image/jpeg", "jpg", description)
            : new ReencodedFile(bytes, "image/webp", "webp", description);
    }
}

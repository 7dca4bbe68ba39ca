using SkiaSharp;

namespace EditBot.Imaging.Decoding;

/// <summary>
/// Decodes the first frame of a checked <see cref="EncodedImage"/>, upright and with its long side within a bound.
/// Codecs that can decode at a reduced scale (JPEG in eighths, WebP at any scale) are asked to, so a 12 MP photo
/// never exists in memory at full size.
/// </summary>
internal static class PixelDecoder
{
    /// <summary>A scaled decode this close under the bound is kept as is rather than decoded larger and resampled.</summary>
    private const double CloseEnough = 0.9;

    /// <returns>The upright bitmap (caller disposes), or null with the codec's failure in <paramref name="result"/>.</returns>
    public static SKBitmap? Decode(EncodedImage image, int maxLongSide, SKColorType colorType, SKAlphaType alphaType,
        SKColorSpace? colorSpace, out SKCodecResult result)
    {
        var codec = image.Codec;
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : alphaType;
        var size = ChooseDecodeSize(codec, maxLongSide);
        var stored = DecodeAt(codec, new SKImageInfo(size.Width, size.Height, colorType, alpha, colorSpace), out result);
        if (stored is null && result == SKCodecResult.InvalidScale)
        {
            stored = DecodeAt(codec, new SKImageInfo(codec.Info.Width, codec.Info.Height, colorType, alpha, colorSpace), out result);
        }

        if (stored is null)
        {
            return null;
        }

        var fitted = FitWithin(stored, maxLongSide);
        if (!ReferenceEquals(fitted, stored))
        {
            stored.Dispose();
        }

        var upright = Orientation.Apply(fitted, image.Origin);
        if (!ReferenceEquals(upright, fitted))
        {
            fitted.Dispose();
        }

        return upright;
    }

    /// <summary>Resamples so that the long side is at most <paramref name="maxLongSide"/>; returns the input when it already fits.</summary>
    public static SKBitmap FitWithin(SKBitmap source, int maxLongSide)
    {
        var longSide = Math.Max(source.Width, source.Height);
        if (longSide <= maxLongSide)
        {
            return source;
        }

        var scale = (double)maxLongSide / longSide;
        var w = Math.Max(1, (int)Math.Round(source.Width * scale));
        var h = Math.Max(1, (int)Math.Round(source.Height * scale));
        var target = new SKBitmap(source.Info.WithSize(w, h));
        // Cubic is sharp but only looks at 4x4 source pixels: for strong reductions use mipmaps to avoid aliasing.
        var sampling = scale < 0.5
            ? new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)
            : new SKSamplingOptions(SKCubicResampler.Mitchell);
        using var src = source.PeekPixels();
        using var dst = target.PeekPixels();
        src.ScalePixels(dst, sampling);
        return target;
    }

    private static SKSizeI ChooseDecodeSize(SKCodec codec, int maxLongSide)
    {
        var full = codec.Info.Size;
        var longSide = Math.Max(full.Width, full.Height);
        if (longSide <= maxLongSide)
        {
            return full;
        }

        var scale = (float)maxLongSide / longSide;
        var exact = codec.GetScaledDimensions(scale);
        if (Fits(exact, maxLongSide))
        {
            return exact;
        }

        // JPEG scales in eighths and rounds to the nearest: take the smallest eighth that is not too small.
        for (var eighths = (int)Math.Ceiling(scale * 8); eighths < 8; eighths++)
        {
            var candidate = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(candidate.Width, candidate.Height) >= maxLongSide * CloseEnough && candidate != full)
            {
                return candidate;
            }
        }

        return full;
    }

    private static bool Fits(SKSizeI size, int maxLongSide)
    {
        var longSide = Math.Max(size.Width, size.Height);
        return longSide <= maxLongSide && longSide >= maxLongSide * CloseEnough;
    }

    private static SKBitmap? DecodeAt(SKCodec codec, SKImageInfo info, out SKCodecResult result)
    {
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            result = SKCodecResult.InternalError;
            return null;
        }

        result = codec.GetPixels(info, bitmap.GetPixels(), new SKCodecOptions(0));
        if (result == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }
}

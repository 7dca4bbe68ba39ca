using SkiaSharp;

namespace EditBot.Imaging.Encoders;

/// <summary>The encoder settings used everywhere, in one place.</summary>
internal static class ImageEncoder
{
    /// <summary>
    /// PNG with the Sub filter only: trying every filter per row (libpng's default) costs more time than the
    /// few percent of size it saves, and these files go to an API that does not mind.
    /// </summary>
    public static byte[] Png(SKPixmap pixels, int zlibLevel)
    {
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, zlibLevel))
            ?? throw new InvalidOperationException($"Skia could not encode a {pixels.ColorType} image as PNG.");
        return data.ToArray();
    }

    public static byte[] Png(SKBitmap bitmap, int zlibLevel)
    {
        using var pixmap = bitmap.PeekPixels();
        return Png(pixmap, zlibLevel);
    }

    /// <summary>An 8-bit greyscale PNG from one byte per pixel (masks: white = edit).</summary>
    public static unsafe byte[] GreyPng(byte[] grey, int width, int height, int zlibLevel)
    {
        fixed (byte* p = grey)
        {
            using var pixmap = new SKPixmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), (IntPtr)p, width);
            return Png(pixmap, zlibLevel);
        }
    }

    /// <summary>WebP: lossless when <paramref name="quality"/> is null (effort 50: near the best size at a fraction of the time of 100).</summary>
    public static byte[] Webp(SKPixmap pixels, float? quality)
    {
        var options = quality is { } q
            ? new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, q)
            : new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 50);
        using var data = pixels.Encode(options)
            ?? throw new InvalidOperationException("Skia could not encode the image as WebP.");
        return data.ToArray();
    }

    public static byte[] Jpeg(SKPixmap pixels, int quality)
    {
        using var data = pixels.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("Skia could not encode the image as JPEG.");
        return data.ToArray();
    }
}

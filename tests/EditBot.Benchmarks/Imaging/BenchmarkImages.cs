using SkiaSharp;

namespace EditBot.Benchmarks.Imaging;

/// <summary>Photo-like test images (smooth gradients plus sensor-like noise), made on the spot so nothing is downloaded.</summary>
internal static class BenchmarkImages
{
    /// <param name="noise">Sensor noise amplitude mask (15: up to ±8 levels); less noise compresses better.</param>
    public static byte[] Photo(int width, int height, SKEncodedImageFormat format, int quality, int seed, int noise = 15)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var random = new Random(seed);
        var grain = new byte[width * 3];
        for (var y = 0; y < height; y++)
        {
            random.NextBytes(grain);
            for (var x = 0; x < width; x++)
            {
                var p = ((y * width) + x) * 4;
                pixels[p] = Channel((x * 255 / width) + (int)(40 * Math.Sin(y / 90.0)), grain[x * 3], noise);
                pixels[p + 1] = Channel((y * 255 / height) + (int)(40 * Math.Cos(x / 70.0)), grain[(x * 3) + 1], noise);
                pixels[p + 2] = Channel(128 + (int)(60 * Math.Sin((x + y) / 150.0)), grain[(x * 3) + 2], noise);
                pixels[p + 3] = 255;
            }
        }

        // For PNG, quality is the zlib level: 0 stands for a model's large, lightly compressed output.
        using var pixmap = bitmap.PeekPixels();
        using var data = format == SKEncodedImageFormat.Png
            ? pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, quality))
            : bitmap.Encode(format, quality);
        return data?.ToArray() ?? throw new InvalidOperationException($"Skia could not encode {format}.");
    }

    private static byte Channel(int value, byte grain, int noise) => (byte)Math.Clamp(value + (grain & noise) - ((noise + 1) / 2), 0, 255);
}

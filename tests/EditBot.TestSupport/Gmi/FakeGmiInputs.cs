using SkiaSharp;

namespace EditBot.TestSupport.Gmi;

/// <summary>
/// Real images for tests that talk to the fake GMI directly: it decodes every payload image as GMI would, so a test
/// can no longer submit arbitrary bytes. Each seed draws a different picture (different bytes, different fingerprint).
/// </summary>
public static class FakeGmiInputs
{
    /// <summary>A small PNG, inline-ready.</summary>
    public static string PngBase64 { get; } = Convert.ToBase64String(Png());

    /// <summary>A PNG of deterministic noise (so it does not compress: 64x64 is about 12 KiB).</summary>
    public static byte[] Png(int width = 16, int height = 16, int seed = 1)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var state = (uint)seed * 2654435761u;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                state = state * 1664525u + 1013904223u;
                bitmap.SetPixel(x, y, new SKColor((byte)(state >> 24), (byte)(state >> 16), (byte)(state >> 8)));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>An opaque black-and-white PNG mask: white (edit) on the top half when <paramref name="topHalf"/>, else all white.</summary>
    public static byte[] Mask(int width, int height, bool topHalf = true)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        using (var white = new SKPaint { Color = SKColors.White })
        {
            canvas.Clear(SKColors.Black);
            canvas.DrawRect(0, 0, width, topHalf ? height / 2f : height, white);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

using SkiaSharp;

namespace EditBot.Imaging.Tests.Corpus;

/// <summary>Images made with SkiaSharp for the tests, and helpers to look at what the library produced.</summary>
internal static class TestImages
{
    public static byte[] Solid(int width, int height, SKColor colour, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 95)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, colour.Alpha == 255 ? SKAlphaType.Opaque : SKAlphaType.Unpremul));
        bitmap.Erase(colour);
        return Encode(bitmap, format, quality);
    }

    /// <summary>Random pixels: compress badly, so files are big and truncation lands in the middle of real data.</summary>
    public static byte[] Noise(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int seed = 1)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        new Random(seed).NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        return Encode(bitmap, format, 90);
    }

    /// <summary>Pixels given by a function of (x, y).</summary>
    public static SKBitmap Draw(int width, int height, Func<int, int, SKColor> colourAt)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, colourAt(x, y));
            }
        }

        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 95)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static SKBitmap Decode(ReadOnlyMemory<byte> bytes)
    {
        var bitmap = SKBitmap.Decode(bytes.Span);
        Assert.NotNull(bitmap);
        return bitmap;
    }

    public static void AssertColour(SKColor expected, SKColor actual, int tolerance = 24)
    {
        var close = Math.Abs(expected.Red - actual.Red) <= tolerance
            && Math.Abs(expected.Green - actual.Green) <= tolerance
            && Math.Abs(expected.Blue - actual.Blue) <= tolerance;
        Assert.True(close, $"expected about {expected}, got {actual}");
    }
}

namespace EditBot.Tests.Support;

/// <summary>Results too large for Discord's default upload limit, for the fake GMI to serve (<c>FakeGmiServer.Media</c>).</summary>
public static class LargeImages
{
    private static readonly Lazy<byte[]> Fifteen = new(() => Noise(2300, 2290));

    /// <summary>A PNG of 15.0-15.1 MiB (2300x2290 noise), made once per test run.</summary>
    public static byte[] FifteenMiB() => Fifteen.Value;

    /// <summary>An opaque PNG of random pixels, which no encoder can make much smaller than its raw size.</summary>
    public static byte[] Noise(int width, int height)
    {
        var random = new Random(13);
        using var bitmap = new SkiaSharp.SKBitmap(new SkiaSharp.SKImageInfo(width, height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Opaque));
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

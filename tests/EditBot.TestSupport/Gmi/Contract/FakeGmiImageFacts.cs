namespace EditBot.TestSupport.Gmi.Contract;

/// <summary>
/// What the fake GMI saw in a decoded payload image or mask, so tests assert on what crossed the wire.
/// <see cref="WhiteFraction"/> is the share of pixels brighter than mid-grey (for a mask: the area to edit).
/// </summary>
public sealed record FakeGmiImageFacts(string Format, int Width, int Height, bool Opaque, bool Greyscale, double WhiteFraction, byte[] Bytes)
{
    /// <summary>True when the pixel at (x, y), in fractions of width and height, is brighter than mid-grey.</summary>
    public bool IsWhiteAt(double x, double y)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(Bytes);
        var pixel = bitmap.GetPixel(Math.Clamp((int)(x * Width), 0, Width - 1), Math.Clamp((int)(y * Height), 0, Height - 1));
        return (pixel.Red + pixel.Green + pixel.Blue) / 3 > 127;
    }
}

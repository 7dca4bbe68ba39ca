using SkiaSharp;

namespace EditBot.Imaging.Decoding;

/// <summary>Applies an EXIF orientation so that pixels come out the way the photo is meant to be seen.</summary>
internal static class Orientation
{
    public static bool IsValid(SKEncodedOrigin origin) => origin is >= SKEncodedOrigin.TopLeft and <= SKEncodedOrigin.LeftBottom;

    /// <summary>Orientations 5-8 store the picture on its side.</summary>
    public static bool SwapsAxes(SKEncodedOrigin origin) => origin >= SKEncodedOrigin.LeftTop;

    /// <summary>Returns an upright copy of <paramref name="stored"/> (or the same bitmap for TopLeft); the caller owns both.</summary>
    public static SKBitmap Apply(SKBitmap stored, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return stored;
        }

        var swap = SwapsAxes(origin);
        var w = swap ? stored.Height : stored.Width;
        var h = swap ? stored.Width : stored.Height;
        var upright = new SKBitmap(stored.Info.WithSize(w, h));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(MatrixFor(origin, w, h));
        using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
        canvas.DrawBitmap(stored, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint);
        return upright;
    }

    // Maps stored coordinates to display coordinates for a display of w x h (EXIF 2.32, tag 0x0112).
    private static SKMatrix MatrixFor(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}

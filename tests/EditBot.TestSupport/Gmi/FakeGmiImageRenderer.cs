using System.Globalization;
using SkiaSharp;

namespace EditBot.TestSupport.Gmi;

/// <summary>Renders result PNGs at the requested size, each index with its own colour and marks so results differ.</summary>
public static class FakeGmiImageRenderer
{
    public static (int Width, int Height) ParseSize(string size)
    {
        var parts = size.Split('x', 'X');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && w is > 0 and <= 4096 && h is > 0 and <= 4096
            ? (w, h)
            : (1024, 1024);
    }

    public static byte[] Render(int width, int height, int index, int seed)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            var hue = ((seed & 0x7fffffff) + (index * 47)) % 360;
            canvas.Clear(SKColor.FromHsl(hue, 60, 50));
            using var paint = new SKPaint { Color = SKColor.FromHsl((hue + 180) % 360, 70, 40) };
            // index + 1 bars make each index visibly and byte-wise distinct.
            var bar = Math.Max(1, width / 24);
            for (var i = 0; i <= index; i++)
            {
                canvas.DrawRect(SKRect.Create(bar * (2 * i + 1), height / 4f, bar, height / 2f), paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

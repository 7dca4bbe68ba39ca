using EditBot.Imaging.Encoders;

namespace EditBot.Imaging.Masks;

/// <summary>Turns a <see cref="RegionSpec"/> into a mask of a given size: white (255) = edit, black (0) = keep.</summary>
public static class RegionMask
{
    /// <summary>The mask as an 8-bit greyscale PNG of exactly <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static byte[] RenderPng(RegionSpec region, int width, int height, int zlibLevel = 3) =>
        ImageEncoder.GreyPng(Render(region, width, height), width, height, zlibLevel);

    /// <summary>One byte per pixel, row by row.</summary>
    public static byte[] Render(RegionSpec region, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var (left, right) = Span(region.X, region.Width, width);
        var (top, bottom) = Span(region.Y, region.Height, height);
        var feather = (int)Math.Round(region.FeatherPercent / 100 * Math.Min(width, height));
        var mask = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var dy = y < top ? top - y : y >= bottom ? y - bottom + 1 : 0;
            if (dy > feather)
            {
                continue;
            }

            var row = mask.AsSpan(y * width, width);
            if (dy == 0)
            {
                row[left..right].Fill(255);
            }

            if (feather == 0)
            {
                continue;
            }

            for (var x = 0; x < width; x++)
            {
                var dx = x < left ? left - x : x >= right ? x - right + 1 : 0;
                if (dx == 0 && dy == 0)
                {
                    continue;
                }

                // Euclidean distance to the rectangle, fading linearly to black just past the feather width.
                var distance = Math.Sqrt((dx * dx) + (dy * dy));
                if (distance <= feather)
                {
                    row[x] = (byte)Math.Round(255 * (1 - (distance / (feather + 1))));
                }
            }
        }

        return mask;
    }

    /// <summary>Pixel range [start, end) for a percent range; never empty, so a tiny box still marks one pixel.</summary>
    internal static (int Start, int End) Span(double startPercent, double lengthPercent, int size)
    {
        var start = Math.Clamp((int)Math.Round(startPercent / 100 * size), 0, size - 1);
        var end = Math.Clamp((int)Math.Round((startPercent + lengthPercent) / 100 * size), start + 1, size);
        return (start, end);
    }
}

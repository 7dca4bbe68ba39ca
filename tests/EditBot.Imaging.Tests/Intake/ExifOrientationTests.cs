using EditBot.Imaging.Tests.Corpus;
using SkiaSharp;

namespace EditBot.Imaging.Tests.Intake;

/// <summary>
/// For each EXIF orientation, the stored pixels are the upright picture transformed the way a camera would store
/// it; the prepared image must be the upright picture again.
/// </summary>
public sealed class ExifOrientationTests
{
    // Upright picture: 64 x 32, four quadrants of distinct colours.
    private const int Width = 64;
    private const int Height = 32;
    private static readonly SKColor TopLeft = SKColors.Red;
    private static readonly SKColor TopRight = SKColors.Lime;
    private static readonly SKColor BottomLeft = SKColors.Blue;
    private static readonly SKColor BottomRight = SKColors.Yellow;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Exif_orientation_is_applied(int orientation)
    {
        var swapped = orientation >= 5;
        using var stored = TestImages.Draw(swapped ? Height : Width, swapped ? Width : Height,
            (sx, sy) => Upright(UprightPoint(orientation, sx, sy)));
        var jpeg = ExifWriter.WithOrientation(TestImages.Encode(stored, SKEncodedImageFormat.Jpeg, 100), orientation);

        var edit = IntakeFactory.Accepted(await IntakeFactory.Create().PrepareAsync(jpeg));

        Assert.Equal((Width, Height), (edit.Width, edit.Height));
        Assert.Equal(orientation == 1, edit.PassedThrough);
        using var output = TestImages.Decode(edit.Image);
        Assert.Equal((Width, Height), (output.Width, output.Height));
        TestImages.AssertColour(TopLeft, output.GetPixel(Width / 4, Height / 4));
        TestImages.AssertColour(TopRight, output.GetPixel(3 * Width / 4, Height / 4));
        TestImages.AssertColour(BottomLeft, output.GetPixel(Width / 4, 3 * Height / 4));
        TestImages.AssertColour(BottomRight, output.GetPixel(3 * Width / 4, 3 * Height / 4));
    }

    private static SKColor Upright((int X, int Y) p) =>
        p.Y < Height / 2 ? (p.X < Width / 2 ? TopLeft : TopRight) : (p.X < Width / 2 ? BottomLeft : BottomRight);

    // Where stored pixel (sx, sy) appears in the upright picture (EXIF 2.32 orientation semantics).
    private static (int X, int Y) UprightPoint(int orientation, int sx, int sy) => orientation switch
    {
        1 => (sx, sy),
        2 => (Width - 1 - sx, sy),
        3 => (Width - 1 - sx, Height - 1 - sy),
        4 => (sx, Height - 1 - sy),
        5 => (sy, sx),
        6 => (Width - 1 - sy, sx),
        7 => (Width - 1 - sy, Height - 1 - sx),
        _ => (sy, Height - 1 - sx),
    };
}

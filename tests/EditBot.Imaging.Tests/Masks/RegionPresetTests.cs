using EditBot.Imaging.Intake;
using EditBot.Imaging.Masks;
using EditBot.Imaging.Tests.Corpus;
using SkiaSharp;

namespace EditBot.Imaging.Tests.Masks;

public sealed class RegionPresetTests
{
    [Theory]
    [InlineData("full", 0, 0, 200, 100)]
    [InlineData("top", 0, 0, 200, 50)]
    [InlineData("bottom", 0, 50, 200, 100)]
    [InlineData("left", 0, 0, 100, 100)]
    [InlineData("right", 100, 0, 200, 100)]
    [InlineData("center", 50, 25, 150, 75)]
    [InlineData("Centre", 50, 25, 150, 75)]
    public void Preset_is_white_exactly_where_promised(string preset, int left, int top, int right, int bottom)
    {
        Assert.True(RegionSpec.TryParse(preset, null, 0, out var region, out var error), error);

        AssertWhiteExactly(RegionMask.Render(region, 200, 100), 200, 100, left, top, right, bottom);
    }

    [Fact]
    public void Box_in_percent_is_white_exactly_where_promised()
    {
        Assert.True(RegionSpec.TryParse(null, "10, 20, 30%, 40", 0, out var region, out var error), error);

        AssertWhiteExactly(RegionMask.Render(region, 300, 200), 300, 200, 30, 40, 120, 120);
    }

    [Theory]
    [InlineData("10,20,30")]
    [InlineData("10,20,30,40,50")]
    [InlineData("a,b,c,d")]
    [InlineData("-5,0,50,50")]
    [InlineData("60,0,50,50")]
    [InlineData("0,0,0,50")]
    [InlineData("0,0,50,101")]
    public void Bad_box_is_refused_with_the_rule(string box)
    {
        Assert.False(RegionSpec.TryParse("box", box, 0, out _, out var error));

        Assert.StartsWith("box must be x,y,w,h in percent, each 0-100, inside the image", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_preset_and_bad_feather_are_refused()
    {
        Assert.False(RegionSpec.TryParse("diagonal", null, 0, out _, out var unknown));
        Assert.False(RegionSpec.TryParse("top", null, 80, out _, out var feather));
        Assert.False(RegionSpec.TryParse("top", "0,0,10,10", 0, out _, out var both));
        Assert.False(RegionSpec.TryParse(null, null, 0, out _, out var none));

        Assert.Contains("full, top, bottom, left, right, center", unknown, StringComparison.Ordinal);
        Assert.Contains("feather must be between 0 and 50", feather, StringComparison.Ordinal);
        Assert.Contains("not both", both, StringComparison.Ordinal);
        Assert.Contains("Choose a region", none, StringComparison.Ordinal);
    }

    [Fact]
    public void Feathering_fades_outward_and_leaves_the_region_white()
    {
        Assert.True(RegionSpec.TryParse("left", null, 10, out var region, out _)); // 10 % of 100 px = 10 px

        var mask = RegionMask.Render(region, 200, 100);

        var row = mask.AsSpan(50 * 200, 200);
        Assert.All(row[..100].ToArray(), v => Assert.Equal(255, v));
        Assert.All(row[110..].ToArray(), v => Assert.Equal(0, v));
        for (var x = 100; x < 110; x++)
        {
            Assert.InRange(row[x], 1, 254);
            Assert.True(row[x] > row[x + 1], $"not fading at {x}");
        }
    }

    [Fact]
    public async Task Region_mask_from_intake_has_the_prepared_image_size()
    {
        var intake = IntakeFactory.Create(o => o.MaxLongSide = 600);
        Assert.True(RegionSpec.TryParse("bottom", null, 0, out var region, out _));

        var edit = IntakeFactory.Accepted(await intake.PrepareAsync(TestImages.Solid(1200, 900, SKColors.Red), region: region));

        var (mask, width, height) = MaskIntakeTests.Decode(edit.Mask!);
        Assert.Equal((600, 450), (width, height));
        Assert.Equal((edit.Width, edit.Height), (width, height));
        AssertWhiteExactly(mask, 600, 450, 0, 225, 600, 450);
        Assert.Equal(OutputSize.Landscape, edit.Size);
    }

    private static void AssertWhiteExactly(byte[] mask, int width, int height, int left, int top, int right, int bottom)
    {
        Assert.Equal(width * height, mask.Length);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inside = x >= left && x < right && y >= top && y < bottom;
                Assert.True(mask[(y * width) + x] == (inside ? 255 : 0), $"pixel ({x},{y}) should be {(inside ? "white" : "black")}");
            }
        }
    }
}

using EditBot.Imaging.Intake;
using EditBot.Imaging.Tests.Corpus;
using SkiaSharp;

namespace EditBot.Imaging.Tests.Intake;

public sealed class NormalizationTests
{
    private readonly ImageIntake _intake = IntakeFactory.Create();

    [Theory]
    [InlineData(1000, 1000, 1024, 1024)]
    [InlineData(1200, 1000, 1024, 1024)]
    [InlineData(1300, 1000, 1536, 1024)]
    [InlineData(4000, 1000, 1536, 1024)]
    [InlineData(1000, 1300, 1024, 1536)]
    [InlineData(1, 3, 1024, 1536)]
    public async Task Auto_size_picks_the_closest_aspect_ratio(int width, int height, int expectedWidth, int expectedHeight) =>
        Assert.Equal(new OutputSize(expectedWidth, expectedHeight), OutputSize.ClosestTo(width, height));

    [Fact]
    public async Task Concrete_size_is_kept_and_a_bad_one_is_refused()
    {
        var png = TestImages.Solid(40, 20, SKColors.Red);

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(png, size: "1024X1536"));
        var rejection = IntakeFactory.Rejected(await _intake.PrepareAsync(png, size: "800x600"), RejectionCode.InvalidSize);

        Assert.Equal(OutputSize.Portrait, edit.Size);
        Assert.Contains("auto, 1024x1024, 1024x1536 or 1536x1024", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acceptable_jpeg_is_passed_through_byte_for_byte()
    {
        var jpeg = TestImages.Noise(300, 200, SKEncodedImageFormat.Jpeg);

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(jpeg));

        Assert.True(edit.PassedThrough);
        Assert.Equal("image/jpeg", edit.MediaType);
        Assert.Equal("jpg", edit.FileExtension);
        Assert.True(edit.Image.Span.SequenceEqual(jpeg));
        Assert.Empty(edit.Notes);
    }

    [Fact]
    public async Task Wide_gamut_image_is_converted_to_srgb()
    {
        var displayP3 = SKColorSpace.CreateRgb(SKColorSpaceTransferFn.Srgb, SKColorSpaceXyz.DisplayP3);
        using var bitmap = new SKBitmap(new SKImageInfo(32, 32, SKColorType.Rgba8888, SKAlphaType.Opaque, displayP3));
        bitmap.Erase(new SKColor(0, 200, 0)); // Erase takes sRGB: stored as the P3 values of that green
        var png = TestImages.Encode(bitmap, SKEncodedImageFormat.Png);
        using (var codec = SKCodec.Create(SKData.CreateCopy(png)))
        {
            Assert.False(codec.Info.ColorSpace.IsSrgb); // the test image really is tagged P3...
            using var raw = new SKBitmap(new SKImageInfo(32, 32, SKColorType.Rgba8888, SKAlphaType.Opaque));
            Assert.Equal(SKCodecResult.Success, codec.GetPixels(raw.Info, raw.GetPixels()));
            Assert.True(raw.GetPixel(16, 16).Red > 40, $"...and stores other numbers: {raw.GetPixel(16, 16)}");
        }

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(png));

        Assert.False(edit.PassedThrough);
        using var output = SKCodec.Create(SKData.CreateCopy(edit.Image.Span));
        Assert.True(output.Info.ColorSpace is null || output.Info.ColorSpace.IsSrgb);
        using var pixels = TestImages.Decode(edit.Image);
        TestImages.AssertColour(new SKColor(0, 200, 0), pixels.GetPixel(16, 16), tolerance: 3);
    }

    [Fact]
    public async Task Large_jpeg_is_decoded_scaled_down_and_sent_as_png()
    {
        var jpeg = TestImages.Noise(3000, 2000, SKEncodedImageFormat.Jpeg);

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(jpeg));

        Assert.False(edit.PassedThrough);
        Assert.Equal("image/png", edit.MediaType);
        Assert.InRange(edit.Width, 2048 * 0.9, 2048);
        Assert.Equal(Math.Round(edit.Width / 1.5), edit.Height, 0);
        Assert.Contains(edit.Notes, n => n.Contains("reduced from 3000x2000", StringComparison.Ordinal));
        using var output = TestImages.Decode(edit.Image);
        Assert.Equal((edit.Width, edit.Height), (output.Width, output.Height));
    }

    [Fact]
    public async Task Large_png_is_resampled_to_the_long_side_bound()
    {
        var intake = IntakeFactory.Create(o => o.MaxLongSide = 500);

        var edit = IntakeFactory.Accepted(await intake.PrepareAsync(TestImages.Solid(1000, 2000, SKColors.Green)));

        Assert.Equal((250, 500), (edit.Width, edit.Height));
        Assert.Equal(OutputSize.Portrait, edit.Size);
        using var output = TestImages.Decode(edit.Image);
        TestImages.AssertColour(SKColors.Green, output.GetPixel(125, 250), tolerance: 2);
    }
}

using EditBot.Imaging.Intake;
using EditBot.Imaging.Masks;
using EditBot.Imaging.Tests.Corpus;
using SkiaSharp;

namespace EditBot.Imaging.Tests.Masks;

public sealed class MaskIntakeTests
{
    private readonly ImageIntake _intake = IntakeFactory.Create();
    private readonly byte[] _image = TestImages.Solid(400, 200, SKColors.Orange);

    [Fact]
    public async Task Mask_with_another_aspect_ratio_is_refused_giving_both_sizes()
    {
        var mask = TestImages.Solid(300, 300, SKColors.White);

        var rejection = IntakeFactory.Rejected(await _intake.PrepareAsync(_image, mask), RejectionCode.MaskAspectMismatch);

        Assert.Equal(InputKind.Mask, rejection.Input);
        Assert.Contains("300x300", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("400x200", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_black_mask_is_refused_because_it_marks_nothing()
    {
        var rejection = IntakeFactory.Rejected(await _intake.PrepareAsync(_image, TestImages.Solid(400, 200, SKColors.Black)), RejectionCode.MaskSelectsNothing);

        Assert.Contains("all black", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_white_mask_is_accepted_with_a_note()
    {
        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(_image, TestImages.Solid(400, 200, SKColors.White)));

        Assert.Contains(edit.Notes, n => n.Contains("covers the whole image", StringComparison.Ordinal));
        var mask = Pixels(edit.Mask!);
        Assert.All(mask, v => Assert.Equal(255, v));
    }

    [Fact]
    public async Task Empty_mask_file_is_refused_as_the_mask()
    {
        var rejection = IntakeFactory.Rejected(await _intake.PrepareAsync(_image, Array.Empty<byte>()), RejectionCode.EmptyFile);

        Assert.Equal(InputKind.Mask, rejection.Input);
        Assert.StartsWith("The mask", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Black_and_white_mask_of_another_size_is_resized_to_the_image()
    {
        using var drawn = TestImages.Draw(200, 100, (x, _) => x < 100 ? SKColors.White : SKColors.Black);

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(_image, TestImages.Encode(drawn, SKEncodedImageFormat.Png)));

        var (mask, width, height) = Decode(edit.Mask!);
        Assert.Equal((400, 200), (width, height));
        Assert.Equal(255, mask[(100 * 400) + 10]);
        Assert.Equal(0, mask[(100 * 400) + 390]);
        Assert.All(mask, v => Assert.True(v is 0 or 255));
    }

    [Fact]
    public async Task Mask_within_one_percent_of_the_aspect_ratio_is_accepted()
    {
        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(_image, TestImages.Solid(402, 200, SKColors.White)));

        Assert.Equal((400, 200), (Decode(edit.Mask!).Width, Decode(edit.Mask!).Height));
    }

    [Fact]
    public async Task Transparent_areas_of_a_mask_become_white()
    {
        using var drawn = TestImages.Draw(400, 200, (x, _) => x < 200 ? SKColors.Transparent : SKColors.Black);

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(_image, TestImages.Encode(drawn, SKEncodedImageFormat.Png)));

        var mask = Pixels(edit.Mask!);
        Assert.Equal(255, mask[(100 * 400) + 50]);
        Assert.Equal(0, mask[(100 * 400) + 350]);
    }

    [Fact]
    public async Task Palette_png_with_transparency_works_as_a_mask()
    {
        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(TestImages.Solid(16, 16, SKColors.Gray), PngWriter.PaletteWithTransparency(16, 16)));

        var mask = Pixels(edit.Mask!);
        Assert.Equal(0, mask[(8 * 16) + 2]); // opaque red: keep
        Assert.Equal(255, mask[(8 * 16) + 13]); // transparent: edit
    }

    [Fact]
    public async Task Grey_is_thresholded()
    {
        using var drawn = TestImages.Draw(400, 200, (x, _) => x < 200 ? new SKColor(200, 200, 200) : new SKColor(90, 90, 90));

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(_image, TestImages.Encode(drawn, SKEncodedImageFormat.Png)));

        var mask = Pixels(edit.Mask!);
        Assert.Equal(255, mask[(100 * 400) + 50]);
        Assert.Equal(0, mask[(100 * 400) + 350]);
    }

    [Fact]
    public async Task Mask_follows_a_downscaled_image()
    {
        var intake = IntakeFactory.Create(o => o.MaxLongSide = 500);
        using var drawn = TestImages.Draw(100, 200, (_, y) => y < 100 ? SKColors.White : SKColors.Black);

        var edit = IntakeFactory.Accepted(await intake.PrepareAsync(TestImages.Solid(1000, 2000, SKColors.Red), TestImages.Encode(drawn, SKEncodedImageFormat.Png)));

        var (mask, width, height) = Decode(edit.Mask!);
        Assert.Equal((edit.Width, edit.Height), (width, height));
        Assert.Equal((250, 500), (width, height));
        Assert.Equal(255, mask[(100 * 250) + 100]);
        Assert.Equal(0, mask[(400 * 250) + 100]);
    }

    [Fact]
    public async Task Drawn_mask_wins_over_a_region_and_the_user_is_told()
    {
        Assert.True(RegionSpec.TryParse("top", null, 0, out var region, out _));

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(_image, TestImages.Solid(400, 200, SKColors.White), region));

        Assert.Contains(edit.Notes, n => n.Contains("the mask was used", StringComparison.Ordinal));
    }

    internal static byte[] Pixels(ReadOnlyMemory<byte> png) => Decode(png).Pixels;

    internal static (byte[] Pixels, int Width, int Height) Decode(ReadOnlyMemory<byte> png)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(png.Span));
        Assert.Equal(SKColorType.Gray8, codec.Info.ColorType);
        using var grey = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(grey.Info, grey.GetPixels()));
        return (grey.GetPixelSpan().ToArray(), grey.Width, grey.Height);
    }
}

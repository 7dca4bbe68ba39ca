using System.Text;
using EditBot.Imaging.Intake;
using EditBot.Imaging.Tests.Corpus;
using EditBot.TestSupport.Images;
using SkiaSharp;

namespace EditBot.Imaging.Tests.Intake;

/// <summary>Every file in the bad-input corpus gets a clear message or a correct output, and none crashes.</summary>
public sealed class BadInputCorpusTests
{
    private readonly ImageIntake _intake = IntakeFactory.Create();

    [Fact]
    public async Task Zero_bytes_is_refused_as_empty()
    {
        var rejection = IntakeFactory.Rejected(await _intake.PrepareAsync(Array.Empty<byte>()), RejectionCode.EmptyFile);
        Assert.Contains("empty", rejection.Message, StringComparison.Ordinal);
        Assert.Equal(InputKind.Image, rejection.Input);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    public async Task Truncated_file_is_refused_as_damaged(SKEncodedImageFormat format)
    {
        var whole = TestImages.Noise(256, 256, format);
        var truncated = whole.AsMemory(0, whole.Length / 2);

        var rejection = IntakeFactory.Rejected(await _intake.PrepareAsync(truncated), RejectionCode.DamagedFile);

        Assert.Contains("damaged or incomplete", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_named_png_is_refused_naming_the_accepted_formats()
    {
        var text = Encoding.UTF8.GetBytes("This is not a picture, just notes.txt renamed to picture.png\n");

        var rejection = IntakeFactory.Rejected(await _intake.PrepareAsync(text), RejectionCode.UnsupportedFormat);

        Assert.Contains("text", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("PNG, JPEG, WebP, GIF (first frame only) and BMP", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heic", "HEIC")]
    [InlineData("avif", "AVIF")]
    [InlineData("svg", "SVG")]
    [InlineData("pdf", "PDF")]
    public async Task Formats_the_model_cannot_take_are_named_in_the_refusal(string kind, string named)
    {
        byte[] bytes = kind switch
        {
            "heic" => [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8],
            "avif" => [0, 0, 0, 24, .. "ftypavif"u8, 0, 0, 0, 0, .. "mif1avif"u8],
            "svg" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            _ => Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"),
        };

        var rejection = IntakeFactory.Rejected(await _intake.PrepareAsync(bytes), RejectionCode.UnsupportedFormat);

        Assert.Contains(named, rejection.Message, StringComparison.Ordinal);
        Assert.Contains("I accept PNG", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decompression_bomb_is_refused_from_its_header_without_allocating_its_pixels()
    {
        var bomb = PngWriter.Bomb(60000, 60000);
        Assert.True(bomb.Length < 1000);
        await _intake.PrepareAsync(TestImages.Solid(8, 8, SKColors.Red)); // warm up Skia and the JIT outside the measurement
        var before = GC.GetAllocatedBytesForCurrentThread();
        var workingSetBefore = Environment.WorkingSet;

        var result = await _intake.PrepareAsync(bomb);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var rejection = IntakeFactory.Rejected(result, RejectionCode.TooManyPixels);
        Assert.Contains("60000x60000", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("40 MP", rejection.Message, StringComparison.Ordinal);
        Assert.True(allocated < 1_000_000, $"allocated {allocated} managed bytes; the pixels would be {60000L * 60000 * 4}");
        Assert.True(Environment.WorkingSet - workingSetBefore < 500_000_000, "native memory grew as if the pixels were allocated");
    }

    [Fact]
    public async Task File_over_the_byte_limit_is_refused_before_it_is_read()
    {
        var intake = IntakeFactory.Create(o => o.MaxBytes = 1000);

        var rejection = IntakeFactory.Rejected(await intake.PrepareAsync(TestImages.Noise(64, 64)), RejectionCode.FileTooLarge);

        Assert.Contains("the limit is 0.0 MB", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_by_one_pixel_is_accepted_untouched()
    {
        var png = TestImages.Solid(1, 1, SKColors.Red);

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(png));

        Assert.True(edit.PassedThrough);
        Assert.Equal(png, edit.Image.ToArray());
        Assert.Equal((1, 1), (edit.Width, edit.Height));
        Assert.Equal(OutputSize.Square, edit.Size);
    }

    [Fact]
    public async Task Sixteen_bit_png_is_converted_to_eight_bit()
    {
        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(PngWriter.SixteenBitRgb(32, 8)));

        Assert.False(edit.PassedThrough);
        Assert.Equal("image/png", edit.MediaType);
        Assert.Equal(8, edit.Image.Span[24]); // IHDR bit depth
        using var output = TestImages.Decode(edit.Image);
        TestImages.AssertColour(SKColors.Black, output.GetPixel(0, 4));
        TestImages.AssertColour(SKColors.Red, output.GetPixel(31, 4));
    }

    [Fact]
    public async Task Cmyk_jpeg_is_converted_to_rgb()
    {
        var cyan = CmykJpegWriter.Write(32, 16, [0, 255, 255, 255]); // inverted CMYK: full cyan ink, nothing else

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(cyan));

        Assert.False(edit.PassedThrough);
        Assert.Equal("image/png", edit.MediaType);
        using var output = TestImages.Decode(edit.Image);
        Assert.Equal((32, 16), (output.Width, output.Height));
        TestImages.AssertColour(SKColors.Cyan, output.GetPixel(16, 8), tolerance: 40);
    }

    [Fact]
    public async Task Animated_gif_uses_its_first_frame_and_says_so()
    {
        var gif = GifWriter.Animated(40, 20, 0, 1); // red, then blue

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(gif));

        Assert.Contains(edit.Notes, n => n.Contains("GIF", StringComparison.Ordinal) && n.Contains("only the first frame", StringComparison.Ordinal));
        Assert.Equal("image/png", edit.MediaType);
        Assert.Equal(OutputSize.Landscape, edit.Size);
        using var output = TestImages.Decode(edit.Image);
        TestImages.AssertColour(SKColors.Red, output.GetPixel(20, 10), tolerance: 0);
    }

    [Fact]
    public async Task Greyscale_png_is_accepted_untouched()
    {
        using var grey = new SKBitmap(new SKImageInfo(30, 20, SKColorType.Gray8, SKAlphaType.Opaque));
        grey.Erase(new SKColor(128, 128, 128));
        var png = TestImages.Encode(grey, SKEncodedImageFormat.Png);

        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(png));

        Assert.True(edit.PassedThrough);
        Assert.Equal((30, 20), (edit.Width, edit.Height));
    }

    [Fact]
    public async Task Palette_png_with_transparency_keeps_its_transparency()
    {
        var edit = IntakeFactory.Accepted(await _intake.PrepareAsync(PngWriter.PaletteWithTransparency(16, 16)));

        Assert.Equal("image/png", edit.MediaType);
        using var output = TestImages.Decode(edit.Image);
        Assert.Equal(255, output.GetPixel(2, 8).Alpha);
        TestImages.AssertColour(SKColors.Red, output.GetPixel(2, 8), tolerance: 0);
        Assert.Equal(0, output.GetPixel(13, 8).Alpha);
    }

    [Fact]
    public async Task Bmp_and_webp_are_accepted()
    {
        var bmp = IntakeFactory.Accepted(await _intake.PrepareAsync(BmpWriter.Solid(20, 30, 0, 0, 255)));
        var webp = IntakeFactory.Accepted(await _intake.PrepareAsync(TestImages.Solid(20, 30, SKColors.Blue, SKEncodedImageFormat.Webp)));

        Assert.Equal("image/png", bmp.MediaType); // BMP is not an API format: re-encoded
        using var bmpPixels = TestImages.Decode(bmp.Image);
        TestImages.AssertColour(SKColors.Blue, bmpPixels.GetPixel(10, 15), tolerance: 0);
        Assert.Equal("image/webp", webp.MediaType);
        Assert.True(webp.PassedThrough);
        Assert.Equal(OutputSize.Portrait, webp.Size);
    }
}

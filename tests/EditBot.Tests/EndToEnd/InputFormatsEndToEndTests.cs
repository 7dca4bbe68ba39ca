using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Images;
using SkiaSharp;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// Inputs in every format the bot accepts reach GMI as a format GMI takes (PNG, JPEG or WebP) at their own size, and a
/// mask drawn with transparency (OpenAI's convention) reaches GMI as GMI's black-and-white mask: transparent = edit.
/// </summary>
public sealed class InputFormatsEndToEndTests
{
    public static TheoryData<string, string> Formats => new()
    {
        { "photo.gif", "image/gif" },
        { "photo.webp", "image/webp" },
        { "photo.bmp", "image/bmp" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_input_in_each_accepted_format_reaches_gmi_as_an_api_format_at_its_size(string name, string contentType)
    {
        await using var bot = await BotHarness.StartAsync();
        var bytes = contentType switch
        {
            "image/gif" => GifWriter.Animated(90, 60, 0, 1), // two frames: the first is used
            "image/bmp" => BmpWriter.Solid(90, 60, 200, 40, 40),
            _ => Encode(90, 60, SKEncodedImageFormat.Webp),
        };
        var attachment = bot.Discord.AddAttachment(name, bytes);
        var prompt = $"from {name}";

        await bot.SlashEditAsync(prompt, new AttachmentSpec(attachment.Url.ToString(), name, contentType, attachment.Size, 90, 60));

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync(prompt)).State);
        var sent = bot.Gmi.FindByPrompt(prompt)!.ImageFacts!;
        Assert.Contains(sent.Format, new[] { "png", "jpeg", "webp" });
        Assert.Equal((90, 60), (sent.Width, sent.Height));
    }

    [Fact]
    public async Task A_mask_drawn_with_transparency_reaches_gmi_black_and_white_with_the_transparent_part_white()
    {
        await using var bot = await BotHarness.StartAsync();
        using var mask = new SKBitmap(80, 80, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using (var canvas = new SKCanvas(mask))
        {
            canvas.Clear(SKColors.Black);
            canvas.DrawRect(0, 0, 80, 40, new SKPaint { Color = SKColors.Transparent, BlendMode = SKBlendMode.Src });
        }

        var maskFile = bot.Discord.AddAttachment("alpha-mask.png", Encode(mask));
        var spec = new AttachmentSpec(maskFile.Url.ToString(), "alpha-mask.png", "image/png", maskFile.Size, 80, 80);

        await bot.SlashEditAsync("alpha mask", bot.Image(80, 80), null, CommandOption.File("mask", spec));

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("alpha mask")).State);
        var sent = bot.Gmi.FindByPrompt("alpha mask")!.MaskFacts!;
        Assert.Equal((80, 80), (sent.Width, sent.Height));
        Assert.True(sent.IsWhiteAt(0.5, 0.25), "the transparent top half is white (edit)");
        Assert.False(sent.IsWhiteAt(0.5, 0.75), "the opaque black bottom half stays black (keep)");
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SeaGreen);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    private static byte[] Encode(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}

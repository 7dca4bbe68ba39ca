using EditBot.Imaging.Decoding;
using EditBot.Imaging.Packaging;
using EditBot.Imaging.Tests.Corpus;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace EditBot.Imaging.Tests.Packaging;

public sealed class ResultPackagerTests
{
    private const long MiB = 1024 * 1024;

    private static ResultPackager Create() => CreateWithBudget().Packager;

    private static (ResultPackager Packager, PixelBudget Budget) CreateWithBudget()
    {
        var options = Options.Create(new ImagingOptions());
        var budget = new PixelBudget(options);
        return (new ResultPackager(options, new ContactSheet(options, budget), budget), budget);
    }

    [Fact]
    public async Task Single_small_result_is_one_message_with_the_original_file()
    {
        var png = TestImages.Solid(64, 32, SKColors.Red);

        var messages = await Create().PackageAsync([png]);

        var message = Assert.Single(messages);
        var file = Assert.Single(message.Files);
        Assert.Equal("edit-1.png", file.FileName);
        Assert.Equal("image/png", file.MediaType);
        Assert.False(file.Reencoded);
        Assert.True(file.Content.Span.SequenceEqual(png));
        Assert.Empty(message.Notes);
    }

    [Fact]
    public async Task Several_results_come_after_a_contact_sheet_in_one_message()
    {
        var results = new[] { SKColors.Red, SKColors.Lime, SKColors.Blue, SKColors.Yellow }
            .Select(c => (ReadOnlyMemory<byte>)TestImages.Solid(300, 200, c, SKEncodedImageFormat.Jpeg)).ToList();

        var message = Assert.Single(await Create().PackageAsync(results, baseName: "job42"));

        Assert.Equal(["job42-sheet.jpg", "job42-1.jpg", "job42-2.jpg", "job42-3.jpg", "job42-4.jpg"], message.Files.Select(f => f.FileName));
        Assert.Contains(message.Notes, n => n.Contains("all 4 results", StringComparison.Ordinal));
    }

    [Fact]
    public async Task File_over_the_per_file_limit_is_reencoded_and_the_message_says_so()
    {
        var big = TestImages.Noise(512, 512); // incompressible: about 790 KB of PNG
        var limit = big.Length - 1000L;

        var message = Assert.Single(await Create().PackageAsync([big], limit));

        var file = Assert.Single(message.Files);
        Assert.True(file.Reencoded);
        Assert.True(file.Length <= limit);
        Assert.Equal("image/webp", file.MediaType);
        Assert.Equal("edit-1.webp", file.FileName);
        var note = Assert.Single(message.Notes);
        Assert.Contains("edit-1.png was", note, StringComparison.Ordinal);
        Assert.Contains("sent as", note, StringComparison.Ordinal);
        using var decoded = TestImages.Decode(file.Content);
        Assert.Equal((512, 512), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task Lossless_webp_is_tried_first()
    {
        var flat = TestImages.Solid(800, 600, SKColors.Teal);
        using (var bitmap = TestImages.Decode(flat))
        {
            flat = TestImages.Encode(bitmap, SKEncodedImageFormat.Png, 0);
        }

        var message = Assert.Single(await Create().PackageAsync([flat], flat.Length - 1));

        Assert.Contains("lossless WebP", Assert.Single(message.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_grouped_within_ten_files_and_25_MiB_per_message()
    {
        // Undecodable stand-ins keep this fast: only sizes matter for grouping; their sheet cells stay empty.
        var results = Enumerable.Range(0, 6).Select(i => (ReadOnlyMemory<byte>)Sized(6_000_000, i)).ToList();

        var messages = await Create().PackageAsync(results, 10 * MiB);

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.InRange(m.Files.Count, 1, 10));
        Assert.All(messages, m => Assert.InRange(m.TotalBytes, 1, 25 * MiB));
        Assert.Equal("edit-sheet.jpg", messages[0].Files[0].FileName);
        Assert.Equal(7, messages.Sum(m => m.Files.Count));
    }

    [Fact]
    public async Task Ten_results_and_a_sheet_need_two_messages()
    {
        var results = Enumerable.Range(0, 10).Select(i => (ReadOnlyMemory<byte>)TestImages.Solid(64, 64, new SKColor((byte)(i * 20), 0, 0))).ToList();

        var messages = await Create().PackageAsync(results);

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.True(m.Files.Count <= 10));
        Assert.Equal(11, messages.Sum(m => m.Files.Count));
    }

    [Fact]
    public async Task Unreadable_file_over_the_limit_is_left_out_with_a_note()
    {
        var message = Assert.Single(await Create().PackageAsync([Sized(5000, 0)], 1000));

        Assert.Empty(message.Files);
        Assert.Contains("left out", Assert.Single(message.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reencoding_waits_while_other_decodes_hold_the_pixel_budget_and_proceeds_once_they_return_it()
    {
        var (packager, budget) = CreateWithBudget();
        var big = TestImages.Noise(512, 512);
        var waited = 0L;
        budget.Waiting = pixels => waited = pixels;
        var others = await budget.AcquireAsync(budget.TotalPixels, CancellationToken.None);

        var packaging = packager.PackageAsync([big], big.Length - 1000L);

        Assert.False(packaging.IsCompleted);
        Assert.Equal(512 * 512, waited);
        others.Dispose();
        var file = Assert.Single(Assert.Single(await packaging).Files);
        Assert.True(file.Reencoded);
    }

    [Fact]
    public async Task No_results_make_no_messages() => Assert.Empty(await Create().PackageAsync([]));

    private static byte[] Sized(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        byte[] signature = [0x89, .. "PNG\r\n\x1a\n"u8];
        signature.CopyTo(bytes, 0);
        return bytes;
    }
}

using EditBot.Imaging.Decoding;
using EditBot.Imaging.Packaging;
using EditBot.Imaging.Tests.Corpus;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace EditBot.Imaging.Tests.Packaging;

public sealed class ContactSheetTests
{
    [Fact]
    public async Task Four_results_make_a_two_by_two_grid_in_order()
    {
        var colours = new[] { SKColors.Red, SKColors.Lime, SKColors.Blue, SKColors.Yellow };
        var results = colours.Select(c => (ReadOnlyMemory<byte>)TestImages.Solid(1536, 1024, c)).ToList();
        var options = Options.Create(new ImagingOptions { ContactSheetCellSize = 300 });
        var sheet = new ContactSheet(options, new PixelBudget(options));

        using var grid = TestImages.Decode(await sheet.RenderAsync(results));

        Assert.Equal((8 + (2 * 308), 8 + (2 * 208)), (grid.Width, grid.Height));
        TestImages.AssertColour(SKColors.Red, grid.GetPixel(8 + 150, 8 + 100));
        TestImages.AssertColour(SKColors.Lime, grid.GetPixel(316 + 150, 8 + 100));
        TestImages.AssertColour(SKColors.Blue, grid.GetPixel(8 + 150, 216 + 100));
        TestImages.AssertColour(SKColors.Yellow, grid.GetPixel(316 + 150, 216 + 100));
    }
}

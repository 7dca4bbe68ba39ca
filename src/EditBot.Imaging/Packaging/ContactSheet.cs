using EditBot.Imaging.Decoding;
using EditBot.Imaging.Encoders;
using EditBot.Imaging.Intake;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace EditBot.Imaging.Packaging;

/// <summary>
/// One JPEG showing several results side by side (left to right, top to bottom), so a user can compare them
/// without opening each attachment.
/// </summary>
public sealed class ContactSheet(IOptions<ImagingOptions> options, PixelBudget budget)
{
    private const int Gap = 8;
    private static readonly SKColor Background = new(0x2B, 0x2D, 0x31);
    private static readonly SKColorSpace Srgb = SKColorSpace.CreateSrgb();
    private readonly ImagingOptions _options = options.Value;

    /// <summary>Renders the grid as JPEG; unreadable images leave their cell empty.</summary>
    public async Task<byte[]> RenderAsync(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfZero(images.Count);
        // Decoded side by side: each decode holds only its own pixels, so they never wait on each other's.
        var decoding = images.Select(image => Task.Run(() => ThumbnailAsync(image, cancellationToken), cancellationToken)).ToArray();
        List<SKBitmap?> thumbnails;
        try
        {
            thumbnails = [.. await Task.WhenAll(decoding)];
        }
        catch
        {
            // The thumbnails that were made go back before the failure goes on (awaiting a finished task does not wait).
            foreach (var done in decoding.Where(d => d.IsCompletedSuccessfully))
            {
                (await done)?.Dispose();
            }

            throw;
        }

        try
        {
            var cellWidth = Math.Max(1, thumbnails.Max(t => t?.Width ?? 0));
            var cellHeight = Math.Max(1, thumbnails.Max(t => t?.Height ?? 0));
            var columns = (int)Math.Ceiling(Math.Sqrt(images.Count));
            var rows = (images.Count + columns - 1) / columns;
            var info = new SKImageInfo(columns * (cellWidth + Gap) + Gap, rows * (cellHeight + Gap) + Gap,
                SKColorType.Rgba8888, SKAlphaType.Opaque, Srgb);
            using var sheet = new SKBitmap(info);
            using (var canvas = new SKCanvas(sheet))
            {
                canvas.Clear(Background);
                for (var i = 0; i < thumbnails.Count; i++)
                {
                    if (thumbnails[i] is not { } thumb)
                    {
                        continue;
                    }

                    var x = Gap + (i % columns * (cellWidth + Gap)) + ((cellWidth - thumb.Width) / 2);
                    var y = Gap + (i / columns * (cellHeight + Gap)) + ((cellHeight - thumb.Height) / 2);
                    canvas.DrawBitmap(thumb, x, y, SKSamplingOptions.Default);
                }
            }

            using var pixels = sheet.PeekPixels();
            return ImageEncoder.Jpeg(pixels, 85);
        }
        finally
        {
            thumbnails.ForEach(t => t?.Dispose());
        }
    }

    // The pixels are held only while one image is decoded: what is kept is a thumbnail of at most one cell, and holding
    // them while waiting for another image's could leave sheets waiting on each other for good.
    private async Task<SKBitmap?> ThumbnailAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        using var encoded = EncodedImage.Open(image, _options, InputKind.Image, out _);
        if (encoded is null)
        {
            return null;
        }

        using var lease = await budget.AcquireAsync(encoded.Pixels, cancellationToken);
        return PixelDecoder.Decode(encoded, _options.ContactSheetCellSize, SKColorType.Rgba8888, SKAlphaType.Premul, Srgb, out _);
    }
}

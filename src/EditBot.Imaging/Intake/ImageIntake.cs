using System.Globalization;
using EditBot.Imaging.Decoding;
using EditBot.Imaging.Encoders;
using EditBot.Imaging.Masks;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace EditBot.Imaging.Intake;

/// <summary>
/// Checks and normalizes what a user sent (image, optional mask or region, size) into what the model accepts.
/// Bad input never throws: it comes back as an <see cref="ImageRejection"/> with a message for the user.
/// Every decode takes its pixels from the <see cref="PixelBudget"/> first, so a flood of large images waits its turn.
/// Thread-safe; one instance serves the whole process.
/// </summary>
public sealed class ImageIntake(IOptions<ImagingOptions> options, PixelBudget budget)
{
    private static readonly SKColorSpace Srgb = SKColorSpace.CreateSrgb();
    private readonly ImagingOptions _options = options.Value;

    /// <summary>Test hook: awaited with the image's stored pixel count while its decoded bitmap is held.</summary>
    internal Func<long, Task>? WhileDecoded { get; set; }

    /// <param name="image">The downloaded image file, any accepted format.</param>
    /// <param name="mask">The downloaded mask file, if the user attached one (white or transparent = edit).</param>
    /// <param name="region">A region preset, used when there is no mask; see <see cref="RegionSpec.TryParse"/>.</param>
    /// <param name="size">"auto" (or null) for the size closest to the image's shape, or a concrete size such as "1536x1024".</param>
    /// <param name="cancellationToken">Ends a wait for the pixel budget; a decode that has started runs to its end.</param>
    public async Task<IntakeResult> PrepareAsync(ReadOnlyMemory<byte> image, byte[]? mask = null, RegionSpec? region = null, string? size = null,
        CancellationToken cancellationToken = default)
    {
        OutputSize? requested = null;
        if (!OutputSize.IsAuto(size) && !OutputSize.TryParse(size, out requested))
        {
            return new ImageRejection(RejectionCode.InvalidSize, InputKind.Image, $"size must be {OutputSize.Choices}.");
        }

        using var encoded = EncodedImage.Open(image, _options, InputKind.Image, out var rejection);
        if (encoded is null)
        {
            return rejection!;
        }

        var notes = new List<string>();
        if (encoded.Codec.FrameCount > 1)
        {
            notes.Add($"{encoded.Format.ToString().ToUpperInvariant()}: the image is animated; only the first frame was used.");
        }

        var prepared = await PrepareImageAsync(encoded, notes, cancellationToken);
        if (prepared is null)
        {
            return EncodedImage.Damaged(InputKind.Image, encoded.Format);
        }

        var (bytes, mediaType, width, height, passedThrough) = prepared.Value;
        byte[]? maskPng = null;
        if (mask is { } maskBytes)
        {
            // The image's pixels went back to the budget before the mask takes its own: one preparation never holds
            // pixels while it waits for more, so preparations cannot block each other for good.
            (maskPng, var maskRejection) = await MaskNormalizer.NormalizeAsync(
                maskBytes, encoded.Width, encoded.Height, width, height, _options, budget, notes, cancellationToken);
            if (maskRejection is not null)
            {
                return maskRejection;
            }

            if (region is not null)
            {
                notes.Add("You gave both a mask and a region; the mask was used.");
            }
        }
        else if (region is not null)
        {
            maskPng = RegionMask.RenderPng(region, width, height, _options.PngCompressionLevel);
        }

        var outputSize = requested ?? OutputSize.ClosestTo(encoded.Width, encoded.Height);
        return new PreparedEdit(bytes, mediaType, width, height, maskPng, outputSize, passedThrough, notes);
    }

    private async Task<(ReadOnlyMemory<byte> Bytes, string MediaType, int Width, int Height, bool PassedThrough)?> PrepareImageAsync(
        EncodedImage encoded, List<string> notes, CancellationToken cancellationToken)
    {
        var fits = Math.Max(encoded.Width, encoded.Height) <= _options.MaxLongSide;
        if (fits && PassThroughCheck.IsEligible(encoded))
        {
            return (encoded.Bytes, FormatSniffer.Label(encoded.Format).MediaType, encoded.Width, encoded.Height, true);
        }

        // Declared first, disposed last: the pixels go back once the bitmap is freed.
        using var lease = await budget.AcquireAsync(encoded.Pixels, cancellationToken);
        using var bitmap = PixelDecoder.Decode(encoded, _options.MaxLongSide, SKColorType.Rgba8888, SKAlphaType.Premul, Srgb, out _);
        if (bitmap is null)
        {
            return null;
        }

        if (WhileDecoded is { } hook)
        {
            await hook(encoded.Pixels);
        }

        if (!fits)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The image was reduced from {encoded.Width}x{encoded.Height} to {bitmap.Width}x{bitmap.Height} before sending."));
        }

        var png = ImageEncoder.Png(bitmap, _options.PngCompressionLevel);
        return (png, "image/png", bitmap.Width, bitmap.Height, false);
    }
}

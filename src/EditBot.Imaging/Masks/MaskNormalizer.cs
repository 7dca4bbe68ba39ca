using System.Globalization;
using EditBot.Imaging.Decoding;
using EditBot.Imaging.Encoders;
using EditBot.Imaging.Intake;
using SkiaSharp;

namespace EditBot.Imaging.Masks;

/// <summary>
/// Turns a user's mask into GMI's convention (white = edit, black = keep) at exactly the prepared image's size.
/// A mask with any transparency is read the OpenAI way (transparent = edit); otherwise brightness decides.
/// Grey is thresholded, so anti-aliased strokes and JPEG noise do not make half-edits.
/// </summary>
internal static class MaskNormalizer
{
    /// <param name="imageWidth">Upright width of the user's original image (for the aspect check).</param>
    /// <param name="imageHeight">Upright height of the user's original image.</param>
    /// <param name="outputWidth">Width of the image actually sent (the mask must match it exactly).</param>
    /// <param name="outputHeight">Height of the image actually sent.</param>
    /// <returns>The mask as a greyscale PNG, or a rejection for the user.</returns>
    public static async Task<(byte[]? Png, ImageRejection? Rejection)> NormalizeAsync(ReadOnlyMemory<byte> maskBytes, int imageWidth, int imageHeight,
        int outputWidth, int outputHeight, ImagingOptions options, PixelBudget budget, List<string> notes, CancellationToken cancellationToken)
    {
        using var mask = EncodedImage.Open(maskBytes, options, InputKind.Mask, out var rejection);
        if (mask is null)
        {
            return (null, rejection);
        }

        var ratioDifference = Math.Abs(((double)mask.Width / mask.Height) / ((double)imageWidth / imageHeight) - 1);
        if (ratioDifference > options.MaskAspectTolerance)
        {
            return (null, new(RejectionCode.MaskAspectMismatch, InputKind.Mask, string.Create(CultureInfo.InvariantCulture,
                $"The mask is {mask.Width}x{mask.Height} but the image is {imageWidth}x{imageHeight}: their shapes differ. Make the mask the same size as the image (white = edit, black = keep), or use a region instead.")));
        }

        using var lease = await budget.AcquireAsync(mask.Pixels, cancellationToken);
        using var decoded = PixelDecoder.Decode(mask, Math.Max(outputWidth, outputHeight), SKColorType.Rgba8888, SKAlphaType.Unpremul, null, out _);
        if (decoded is null)
        {
            return (null, EncodedImage.Damaged(InputKind.Mask, mask.Format));
        }

        var strength = EditStrength(decoded);
        if (decoded.Width != outputWidth || decoded.Height != outputHeight)
        {
            strength = Resize(strength, decoded.Width, decoded.Height, outputWidth, outputHeight);
        }

        var edited = Threshold(strength, options.MaskThreshold);
        if (edited == 0)
        {
            return (null, new(RejectionCode.MaskSelectsNothing, InputKind.Mask,
                "The mask is all black, so it marks nothing to edit. Paint the area to change white (or transparent) and keep the rest black."));
        }

        if (edited == strength.Length)
        {
            notes.Add("The mask covers the whole image, so the whole picture may change.");
        }

        return (ImageEncoder.GreyPng(strength, outputWidth, outputHeight, options.PngCompressionLevel), null);
    }

    /// <summary>0 = keep, 255 = edit, per pixel.</summary>
    private static byte[] EditStrength(SKBitmap rgba)
    {
        var pixels = rgba.GetPixelSpan();
        var hasTransparency = false;
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255)
            {
                hasTransparency = true;
                break;
            }
        }

        var strength = new byte[rgba.Width * rgba.Height];
        for (int i = 0, p = 0; i < strength.Length; i++, p += 4)
        {
            strength[i] = hasTransparency
                ? (byte)(255 - pixels[p + 3])
                : (byte)(((54 * pixels[p]) + (183 * pixels[p + 1]) + (19 * pixels[p + 2])) >> 8);
        }

        return strength;
    }

    private static unsafe byte[] Resize(byte[] grey, int width, int height, int newWidth, int newHeight)
    {
        var resized = new byte[newWidth * newHeight];
        fixed (byte* src = grey)
        fixed (byte* dst = resized)
        {
            using var from = new SKPixmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), (IntPtr)src, width);
            using var to = new SKPixmap(new SKImageInfo(newWidth, newHeight, SKColorType.Gray8, SKAlphaType.Opaque), (IntPtr)dst, newWidth);
            from.ScalePixels(to, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        return resized;
    }

    /// <returns>How many pixels are marked for editing.</returns>
    private static int Threshold(byte[] strength, int threshold)
    {
        var edited = 0;
        for (var i = 0; i < strength.Length; i++)
        {
            var edit = strength[i] >= threshold;
            strength[i] = edit ? (byte)255 : (byte)0;
            edited += edit ? 1 : 0;
        }

        return edited;
    }
}

using System.Text.Json.Nodes;
using SkiaSharp;

namespace EditBot.TestSupport.Gmi.Contract;

/// <summary>
/// The rules of the submit body that JSON Schema cannot say (the schema's x-semantic-rules): image and mask decode,
/// a mask matches the image's pixel size, and URLs are fetchable. Where the real service's tolerance is unknown
/// this takes the strict side; each such choice is commented.
/// </summary>
internal static class GmiSubmitSemantics
{
    // OpenAI's limit for edit inputs; GMI publishes none, so the model's own is the one we know.
    public const int MaxInputBytes = 50 * 1024 * 1024;

    /// <summary>Checks a schema-valid payload. <paramref name="fetch"/> resolves a URL to the bytes GMI would get, or null.</summary>
    public static (List<string> Errors, FakeGmiImageFacts? Image, FakeGmiImageFacts? Mask) Check(JsonObject payload, Func<string, byte[]?> fetch)
    {
        var errors = new List<string>();
        var image = Decode(payload["image"]!.GetValue<string>(), "image", fetch, errors);
        FakeGmiImageFacts? mask = null;
        if (payload["mask"] is JsonValue maskValue)
        {
            mask = Decode(maskValue.GetValue<string>(), "mask", fetch, errors);
        }

        if (image is null || mask is null)
        {
            return (errors, image, mask);
        }

        if (mask.Width != image.Width || mask.Height != image.Height)
        {
            errors.Add($"mask must be the same size as image: mask is {mask.Width}x{mask.Height}, image is {image.Width}x{image.Height}");
        }

        // Strict: OpenAI's masks mark the edit with alpha = 0, GMI's with white. A mask with transparency is ambiguous
        // between the two conventions, and one in colour has no documented meaning, so both are refused.
        if (!mask.Opaque)
        {
            errors.Add("mask must be opaque (white = edit, black = keep); it has transparent pixels");
        }

        if (!mask.Greyscale)
        {
            errors.Add("mask must be black and white; it has coloured pixels");
        }

        // Strict: a lossy mask blurs the edge between edit and keep, and OpenAI requires PNG masks.
        if (mask.Format != "png")
        {
            errors.Add($"mask must be a PNG; it is {mask.Format}");
        }

        return (errors, image, mask);
    }

    private static FakeGmiImageFacts? Decode(string reference, string field, Func<string, byte[]?> fetch, List<string> errors)
    {
        byte[]? bytes;
        string? declared = null;
        if (reference.StartsWith("http://", StringComparison.Ordinal) || reference.StartsWith("https://", StringComparison.Ordinal))
        {
            // Strict: GMI fetches URLs itself, so only what this fake serves (uploads, static objects) is reachable.
            bytes = fetch(reference);
            if (bytes is null)
            {
                errors.Add($"{field}: the URL could not be fetched");
                return null;
            }
        }
        else
        {
            var data = reference;
            if (reference.StartsWith("data:", StringComparison.Ordinal))
            {
                declared = reference[11..reference.IndexOf(';', StringComparison.Ordinal)];
                data = reference[(reference.IndexOf(',', StringComparison.Ordinal) + 1)..];
            }

            if (data.Length % 4 != 0 || !TryBase64(data, out bytes))
            {
                errors.Add($"{field}: invalid base64");
                return null;
            }
        }

        if (bytes.Length > MaxInputBytes)
        {
            errors.Add($"{field}: {bytes.Length} bytes, at most {MaxInputBytes} allowed");
            return null;
        }

        var facts = Inspect(bytes);
        if (facts is null)
        {
            errors.Add($"{field}: must be a valid PNG, JPEG or WebP image");
            return null;
        }

        // Strict: a data URL whose declared type is not the bytes' format is refused rather than guessed at.
        if (declared is not null && declared != facts.Format)
        {
            errors.Add($"{field}: declared image/{declared} but the data is {facts.Format}");
        }

        return facts;
    }

    private static bool TryBase64(string data, out byte[] bytes)
    {
        bytes = new byte[data.Length / 4 * 3];
        if (Convert.TryFromBase64String(data, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    private static FakeGmiImageFacts? Inspect(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        var format = codec?.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => "png",
            SKEncodedImageFormat.Jpeg => "jpeg",
            SKEncodedImageFormat.Webp => "webp",
            _ => null,
        };
        if (codec is null || format is null)
        {
            return null;
        }

        using var bitmap = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Unpremul));
        if (bitmap is null)
        {
            return null;
        }

        var (opaque, greyscale, white) = (true, true, 0L);
        foreach (var pixel in bitmap.Pixels)
        {
            opaque &= pixel.Alpha == 255;
            greyscale &= pixel.Red == pixel.Green && pixel.Green == pixel.Blue;
            white += (pixel.Red + pixel.Green + pixel.Blue) / 3 > 127 ? 1 : 0;
        }

        return new FakeGmiImageFacts(format, bitmap.Width, bitmap.Height, opaque, greyscale, (double)white / (bitmap.Width * bitmap.Height), bytes);
    }
}

using System.Buffers.Binary;
using SkiaSharp;

namespace EditBot.Imaging.Decoding;

/// <summary>
/// Decides whether the user's original bytes can go to the model untouched: an accepted format, already upright,
/// one frame, 8-bit, sRGB or untagged, not CMYK, and structurally complete. Anything else is re-encoded.
/// </summary>
internal static class PassThroughCheck
{
    public static bool IsEligible(EncodedImage image)
    {
        var codec = image.Codec;
        if (image.Origin != SKEncodedOrigin.TopLeft || codec.FrameCount > 1)
        {
            return false;
        }

        if (codec.Info.ColorSpace is { IsSrgb: false })
        {
            return false;
        }

        var bytes = image.Bytes.Span;
        return image.Format switch
        {
            SniffedFormat.Png => IsCompleteEightBitPng(bytes),
            SniffedFormat.Jpeg => IsCompleteNonCmykJpeg(bytes),
            SniffedFormat.Webp => IsCompleteWebp(bytes),
            _ => false,
        };
    }

    public static bool IsCompleteEightBitPng(ReadOnlySpan<byte> png)
    {
        const int bitDepthOffset = 24;
        if (png.Length < 33 || png[bitDepthOffset] > 8)
        {
            return false;
        }

        // Walk the chunks: a truncated file runs out before IEND.
        var pos = 8;
        while (pos + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            if (png.Slice(pos + 4, 4).SequenceEqual("IEND"u8))
            {
                return true;
            }

            if (length > (uint)(png.Length - pos - 12))
            {
                return false;
            }

            pos += 12 + (int)length;
        }

        return false;
    }

    public static bool IsCompleteNonCmykJpeg(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[^2] != 0xFF || jpeg[^1] != 0xD9)
        {
            return false;
        }

        var components = JpegHeader.ComponentCount(jpeg);
        return components is 1 or 3;
    }

    public static bool IsCompleteWebp(ReadOnlySpan<byte> webp)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(webp[4..]);
        return riffSize + 8L <= webp.Length;
    }
}

namespace EditBot.Imaging.Tests.Corpus;

/// <summary>
/// A minimal baseline JPEG encoder for one flat CMYK colour (Adobe APP14, inverted CMYK as Photoshop writes it),
/// because SkiaSharp only writes YCbCr. Flat blocks need only the DC coefficient, so the entropy coder is small.
/// </summary>
internal static class CmykJpegWriter
{
    // Standard luminance DC table (ITU T.81 K.3): code lengths per count and the categories they code.
    private static readonly byte[] DcBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] DcValues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    /// <param name="stored">The four stored (inverted) component values, C, M, Y, K.</param>
    public static byte[] Write(int width, int height, byte[] stored)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xEE, [.. "Adobe"u8, 0, 100, 0, 0, 0, 0, 0]); // transform 0: plain CMYK
        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(jpeg, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 4,
            1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]);
        Segment(jpeg, 0xC4, [0x00, .. DcBits, .. DcValues]);
        Segment(jpeg, 0xC4, [0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]); // AC: only end-of-block, code "0"
        Segment(jpeg, 0xDA, [4, 1, 0x00, 2, 0x00, 3, 0x00, 4, 0x00, 0, 63, 0]);
        jpeg.Write(EntropyData(width, height, stored));
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    private static byte[] EntropyData(int width, int height, byte[] stored)
    {
        var codes = CanonicalCodes();
        var bits = new BitWriter();
        var previous = new int[4];
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        for (var block = 0; block < blocks; block++)
        {
            for (var c = 0; c < 4; c++)
            {
                var dc = 8 * (stored[c] - 128); // DCT of a flat block with all-1 quantisation
                var diff = dc - previous[c];
                previous[c] = dc;
                var category = diff == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(diff));
                bits.Write(codes[category].Code, codes[category].Length);
                if (category > 0)
                {
                    bits.Write(diff > 0 ? diff : diff + (1 << category) - 1, category);
                }

                bits.Write(0, 1); // end of block
            }
        }

        return bits.Finish();
    }

    private static (int Code, int Length)[] CanonicalCodes()
    {
        var codes = new (int Code, int Length)[DcValues.Length];
        int code = 0, k = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < DcBits[length - 1]; i++)
            {
                codes[DcValues[k++]] = (code++, length);
            }

            code <<= 1;
        }

        return codes;
    }

    private static void Segment(Stream jpeg, byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        jpeg.Write([0xFF, marker, (byte)(length >> 8), (byte)length]);
        jpeg.Write(payload);
    }

    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _current;
        private int _count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _current = (_current << 1) | ((value >> i) & 1);
                if (++_count == 8)
                {
                    Flush();
                }
            }
        }

        public byte[] Finish()
        {
            while (_count != 0)
            {
                Write(1, 1); // pad with ones
            }

            return [.. _bytes];
        }

        private void Flush()
        {
            _bytes.Add((byte)_current);
            if (_current == 0xFF)
            {
                _bytes.Add(0); // byte stuffing
            }

            _current = 0;
            _count = 0;
        }
    }
}

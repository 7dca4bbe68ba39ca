using System.Buffers.Binary;

namespace EditBot.Imaging.Decoding;

/// <summary>Reads what Skia's codec does not expose about a JPEG: how many colour components the frame has (4 = CMYK/YCCK).</summary>
internal static class JpegHeader
{
    /// <returns>The component count from the first SOF marker, or 0 when none is found before the scan data.</returns>
    public static int ComponentCount(ReadOnlySpan<byte> jpeg)
    {
        var pos = 2;
        while (pos + 4 <= jpeg.Length)
        {
            if (jpeg[pos] != 0xFF)
            {
                return 0;
            }

            var marker = jpeg[pos + 1];
            if (marker == 0xFF)
            {
                pos++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                pos += 2;
                continue;
            }

            if (marker == 0xDA)
            {
                return 0;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(pos + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                return pos + 9 < jpeg.Length ? jpeg[pos + 9] : 0;
            }

            pos += 2 + length;
        }

        return 0;
    }
}

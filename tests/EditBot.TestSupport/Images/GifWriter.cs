namespace EditBot.TestSupport.Images;

/// <summary>
/// Animated GIFs of flat frames. With a 7-bit minimum code size every LZW code is exactly one byte as long as a
/// clear code comes often enough, so no real compressor is needed.
/// </summary>
public static class GifWriter
{
    private const int Clear = 128;
    private const int End = 129;

    /// <param name="frames">Palette index per frame; the palette is red (0), blue (1), green (2), then black.</param>
    public static byte[] Animated(int width, int height, params byte[] frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0xF6, 0, 0]);
        var palette = new byte[128 * 3];
        palette[0] = 255;
        palette[5] = 255;
        palette[7] = 255;
        gif.Write(palette);
        gif.Write([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]); // loop forever
        foreach (var index in frames)
        {
            gif.Write([0x21, 0xF9, 4, 0, 10, 0, 0, 0]); // 0.1 s per frame
            gif.Write([0x2C, 0, 0, 0, 0, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0]);
            gif.WriteByte(7);
            var codes = new List<byte>();
            for (var i = 0; i < width * height; i++)
            {
                if (i % 100 == 0)
                {
                    codes.Add(Clear); // keeps the code width at 8 bits
                }

                codes.Add(index);
            }

            codes.Add(End);
            foreach (var block in codes.Chunk(255))
            {
                gif.WriteByte((byte)block.Length);
                gif.Write(block);
            }

            gif.WriteByte(0);
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }
}

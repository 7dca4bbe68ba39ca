using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EditBot.Imaging.Tests.Corpus;

/// <summary>Writes PNGs chunk by chunk, for the kinds SkiaSharp will not produce (16-bit, palette + tRNS, lying headers).</summary>
internal static class PngWriter
{
    public const byte Grey = 0;
    public const byte Rgb = 2;
    public const byte Palette = 3;

    /// <param name="scanlines">Raw image rows, each preceded by its filter byte (0 = none).</param>
    public static byte[] Write(int width, int height, byte bitDepth, byte colourType, byte[] scanlines, params (string Type, byte[] Data)[] beforeImageData)
    {
        using var png = new MemoryStream();
        png.Write([0x89, .. "PNG\r\n\x1a\n"u8]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colourType;
        WriteChunk(png, "IHDR", header);
        foreach (var (type, data) in beforeImageData)
        {
            WriteChunk(png, type, data);
        }

        WriteChunk(png, "IDAT", Deflate(scanlines));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A tiny valid file whose header claims <paramref name="width"/> x <paramref name="height"/>: a decompression bomb.</summary>
    public static byte[] Bomb(int width, int height) => Write(width, height, 8, Rgb, new byte[4096]);

    /// <summary>16 bits per channel RGB, a horizontal red ramp.</summary>
    public static byte[] SixteenBitRgb(int width, int height)
    {
        var stride = 1 + (width * 6);
        var rows = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var red = (ushort)(x * 65535 / Math.Max(1, width - 1));
                BinaryPrimitives.WriteUInt16BigEndian(rows.AsSpan((y * stride) + 1 + (x * 6)), red);
            }
        }

        return Write(width, height, 16, Rgb, rows);
    }

    /// <summary>8-bit palette: left half index 0 (opaque red), right half index 1 (fully transparent).</summary>
    public static byte[] PaletteWithTransparency(int width, int height)
    {
        var rows = new byte[(1 + width) * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = width / 2; x < width; x++)
            {
                rows[(y * (1 + width)) + 1 + x] = 1;
            }
        }

        return Write(width, height, 8, Palette, rows, ("PLTE", [255, 0, 0, 0, 0, 255]), ("tRNS", [255, 0]));
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Fastest))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Compute(typed));
        png.Write(number);
    }
}

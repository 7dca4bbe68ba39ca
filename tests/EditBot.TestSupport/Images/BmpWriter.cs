using System.Buffers.Binary;

namespace EditBot.TestSupport.Images;

/// <summary>A 24-bit uncompressed BMP of one colour (SkiaSharp cannot encode BMP).</summary>
public static class BmpWriter
{
    public static byte[] Solid(int width, int height, byte red, byte green, byte blue)
    {
        var stride = ((width * 3) + 3) & ~3;
        var bmp = new byte[54 + (stride * height)];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = 54 + (y * stride) + (x * 3);
                (bmp[p], bmp[p + 1], bmp[p + 2]) = (blue, green, red);
            }
        }

        return bmp;
    }
}

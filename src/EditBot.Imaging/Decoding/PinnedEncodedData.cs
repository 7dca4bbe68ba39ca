using System.Buffers;
using SkiaSharp;

namespace EditBot.Imaging.Decoding;

/// <summary>
/// Hands caller-owned encoded bytes to Skia without copying them: the memory stays pinned until disposal,
/// which must come after the codec that reads it is disposed.
/// </summary>
internal sealed unsafe class PinnedEncodedData : IDisposable
{
    private MemoryHandle _pin;

    public PinnedEncodedData(ReadOnlyMemory<byte> bytes)
    {
        _pin = bytes.Pin();
        Data = SKData.Create((IntPtr)_pin.Pointer, bytes.Length);
    }

    public SKData Data { get; }

    public void Dispose()
    {
        Data.Dispose();
        _pin.Dispose();
    }
}

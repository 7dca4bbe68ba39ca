namespace EditBot.Discord.Gateway;

/// <summary>
/// One decoded gateway frame <c>{op, d, s, t}</c>. <see cref="DataOffset"/>/<see cref="DataLength"/> locate the raw
/// JSON of <c>d</c> inside the buffer the frame was decoded from, so a dispatch is copied once and never re-serialized.
/// </summary>
public readonly record struct GatewayFrame(int Opcode, long? Sequence, string? EventName, int DataOffset, int DataLength)
{
    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> message) => message.Slice(DataOffset, DataLength);
}

using System.Text;
using System.Text.Json;

namespace EditBot.Discord.Gateway;

/// <summary>
/// Reads the envelope of a gateway frame with <see cref="Utf8JsonReader"/>: opcode, sequence, event name and the
/// position of <c>d</c>. The payload itself is skipped, not parsed, so large GUILD_CREATE frames cost one pass.
/// </summary>
public static class GatewayFrameDecoder
{
    // Event names the bot sees all the time are returned as shared strings instead of allocating per frame.
    private static readonly string[] KnownEventNames =
    [
        "INTERACTION_CREATE", "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "GUILD_CREATE", "GUILD_UPDATE",
        "GUILD_DELETE", "READY", "RESUMED", "THREAD_CREATE", "THREAD_UPDATE", "THREAD_DELETE", "CHANNEL_CREATE",
        "CHANNEL_UPDATE", "CHANNEL_DELETE", "GUILD_ROLE_UPDATE", "GUILD_MEMBER_UPDATE", "MESSAGE_DELETE_BULK",
    ];

    private static readonly byte[][] KnownEventNameBytes = [.. KnownEventNames.Select(Encoding.UTF8.GetBytes)];

    /// <exception cref="JsonException">The frame is not a JSON object with an integer <c>op</c>.</exception>
    public static GatewayFrame Decode(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A gateway frame must be a JSON object.");
        }

        int? op = null;
        long? sequence = null;
        string? eventName = null;
        int dataOffset = 0, dataLength = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8))
            {
                reader.Read();
                op = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                reader.Read();
                sequence = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            }
            else if (reader.ValueTextEquals("t"u8))
            {
                reader.Read();
                eventName = reader.TokenType == JsonTokenType.Null ? null : ReadEventName(ref reader);
            }
            else
            {
                var isData = reader.ValueTextEquals("d"u8);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (isData)
                {
                    dataOffset = start;
                    dataLength = (int)reader.BytesConsumed - start;
                }
            }
        }

        return op is { } opcode
            ? new GatewayFrame(opcode, sequence, eventName, dataOffset, dataLength)
            : throw new JsonException("A gateway frame has no 'op'.");
    }

    private static string ReadEventName(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            var raw = reader.ValueSpan;
            for (var i = 0; i < KnownEventNameBytes.Length; i++)
            {
                if (raw.SequenceEqual(KnownEventNameBytes[i]))
                {
                    return KnownEventNames[i];
                }
            }
        }

        return reader.GetString() ?? string.Empty;
    }
}

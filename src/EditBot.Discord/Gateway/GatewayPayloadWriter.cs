using System.Buffers;
using System.Text.Json;

namespace EditBot.Discord.Gateway;

/// <summary>Writes the frames this client sends: heartbeat, identify, resume.</summary>
internal static class GatewayPayloadWriter
{
    public static byte[] Heartbeat(long? lastSequence) => Write(GatewayOpcode.Heartbeat, w =>
    {
        if (lastSequence is { } seq)
        {
            w.WriteNumberValue(seq);
        }
        else
        {
            w.WriteNullValue();
        }
    });

    public static byte[] Identify(string token, GatewayIntents intents, int shardId, int shardCount, string clientName) =>
        Write(GatewayOpcode.Identify, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteNumber("intents", (int)intents);
            w.WriteStartObject("properties");
            w.WriteString("os", OperatingSystemName());
            w.WriteString("browser", clientName);
            w.WriteString("device", clientName);
            w.WriteEndObject();
            w.WriteStartArray("shard");
            w.WriteNumberValue(shardId);
            w.WriteNumberValue(shardCount);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static byte[] Resume(string token, string sessionId, long? lastSequence) => Write(GatewayOpcode.Resume, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        if (lastSequence is { } seq)
        {
            w.WriteNumber("seq", seq);
        }
        else
        {
            w.WriteNull("seq");
        }

        w.WriteEndObject();
    });

    private static byte[] Write(int opcode, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", opcode);
            writer.WritePropertyName("d");
            writeData(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "unknown";
}

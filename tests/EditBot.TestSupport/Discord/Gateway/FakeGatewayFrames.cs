using System.Buffers;
using System.Text.Json;

namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>The frames the fake gateway sends, in Discord's wire shape <c>{op, d, s, t}</c>.</summary>
internal static class FakeGatewayFrames
{
    public static byte[] Hello(int heartbeatIntervalMs) => Frame(10, $"{{\"heartbeat_interval\":{heartbeatIntervalMs}}}", null, null);

    public static byte[] HeartbeatAck() => Frame(11, null, null, null);

    public static byte[] HeartbeatRequest() => Frame(1, null, null, null);

    public static byte[] Reconnect() => Frame(7, null, null, null);

    public static byte[] InvalidSession(bool resumable) => Frame(9, resumable ? "true" : "false", null, null);

    public static byte[] Dispatch(string type, string dataJson, long seq) => Frame(0, dataJson, seq, type);

    public static string Ready(FakeDiscordGateway gateway, string sessionId, int[] shard) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["v"] = 10,
            ["user"] = new Dictionary<string, object?>
            {
                ["id"] = gateway.BotUserId, ["username"] = gateway.BotUsername, ["discriminator"] = "0",
                ["global_name"] = null, ["avatar"] = null, ["bot"] = true,
            },
            ["guilds"] = gateway.GuildIds.Select(id => new Dictionary<string, object> { ["id"] = id, ["unavailable"] = true }).ToArray(),
            ["session_id"] = sessionId,
            ["resume_gateway_url"] = gateway.ResumeUrl.ToString(),
            ["shard"] = shard,
            ["application"] = new Dictionary<string, object> { ["id"] = gateway.ApplicationId, ["flags"] = 0 },
        });

    private static byte[] Frame(int op, string? dataJson, long? seq, string? type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", op);
            writer.WritePropertyName("d");
            if (dataJson is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(dataJson, skipInputValidation: true);
            }

            if (seq is { } s)
            {
                writer.WriteNumber("s", s);
            }
            else
            {
                writer.WriteNull("s");
            }

            if (type is null)
            {
                writer.WriteNull("t");
            }
            else
            {
                writer.WriteString("t", type);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

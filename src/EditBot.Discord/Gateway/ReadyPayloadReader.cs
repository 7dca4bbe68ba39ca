using System.Text.Json;

namespace EditBot.Discord.Gateway;

/// <summary>Reads the two READY fields the gateway client needs; the rest of READY goes to the handlers untouched.</summary>
internal static class ReadyPayloadReader
{
    public static (string? SessionId, string? ResumeGatewayUrl) Read(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        string? sessionId = null, resumeUrl = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (null, null);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("session_id"u8))
            {
                reader.Read();
                sessionId = reader.GetString();
            }
            else if (reader.ValueTextEquals("resume_gateway_url"u8))
            {
                reader.Read();
                resumeUrl = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (sessionId, resumeUrl);
    }

    /// <summary>The <c>heartbeat_interval</c> of HELLO.</summary>
    public static TimeSpan ReadHeartbeatInterval(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("heartbeat_interval"u8))
            {
                reader.Read();
                return TimeSpan.FromMilliseconds(reader.GetDouble());
            }

            reader.Read();
            reader.Skip();
        }

        throw new JsonException("HELLO has no heartbeat_interval.");
    }

    /// <summary>The boolean <c>d</c> of INVALID_SESSION: whether the session can be resumed.</summary>
    public static bool ReadResumable(ReadOnlySpan<byte> data) => data.SequenceEqual("true"u8);
}

using System.Globalization;
using System.Text.Json;

namespace EditBot.Discord.Events;

/// <summary>Reads the bot user id and application id from a READY payload (see <see cref="DiscordEventDecoder"/>).</summary>
public static class ReadyReader
{
    public static (ulong? UserId, ulong? ApplicationId) Read(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (Id(root, "user"), Id(root, "application"));
    }

    private static ulong? Id(JsonElement root, string property) =>
        root.TryGetProperty(property, out var node) && node.ValueKind == JsonValueKind.Object
        && node.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && ulong.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}

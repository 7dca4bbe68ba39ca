using System.Text.Json;
using System.Text.Json.Serialization;

namespace EditBot.Moderation;

/// <summary>The stored JSON form of <see cref="GuildSettings"/>: camelCase, enums by name, nulls left out.</summary>
public static class GuildSettingsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(GuildSettings settings) =>
        JsonSerializer.Serialize(settings with { SchemaVersion = GuildSettings.CurrentSchemaVersion }, Options);

    /// <summary>Reads a stored document; throws <see cref="InvalidDataException"/> when it is not readable settings.</summary>
    public static GuildSettings Deserialize(string json)
    {
        GuildSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<GuildSettings>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Stored server settings are not valid JSON ({e.Message}).", e);
        }

        if (settings is null)
        {
            throw new InvalidDataException("Stored server settings are empty.");
        }

        // Collections may be null in a hand-edited or older document; the record promises non-null lists.
        return settings with
        {
            AllowedChannelIds = settings.AllowedChannelIds ?? [],
            DeniedChannelIds = settings.DeniedChannelIds ?? [],
            AllowedRoleIds = settings.AllowedRoleIds ?? [],
            Blocklist = settings.Blocklist ?? [],
            Review = settings.Review ?? new ReviewSettings(),
        };
    }
}

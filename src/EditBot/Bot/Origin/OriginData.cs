using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;

namespace EditBot.Bot.Origin;

/// <summary>Reads and writes the "discord" property of a job's origin data; other properties (e.g. "moderation") are kept.</summary>
public static class OriginData
{
    public const string Kind = "discord";
    public const string PropertyName = "discord";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The origin data JSON: <paramref name="extra"/> (policy context) plus the Discord origin.</summary>
    public static string Write(DiscordOrigin origin, JsonObject? extra = null)
    {
        var data = extra ?? [];
        data[PropertyName] = JsonSerializer.SerializeToNode(origin, Json);
        return data.ToJsonString();
    }

    /// <param name="scopeGuildId">The server the job counts against when not the one it was asked in (default: the origin's).</param>
    public static JobOrigin ToJobOrigin(DiscordOrigin origin, JsonObject? extra = null, ulong? scopeGuildId = null) =>
        new(Kind, OriginKeys.User(origin.UserId), OriginKeys.Guild(scopeGuildId ?? origin.GuildId), Write(origin, extra));

    public static bool TryRead(Job job, [NotNullWhen(true)] out DiscordOrigin? origin)
    {
        ArgumentNullException.ThrowIfNull(job);
        origin = null;
        if (!string.Equals(job.Origin.Kind, Kind, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            if (JsonNode.Parse(job.Origin.Data) is JsonObject data && data[PropertyName] is JsonObject node)
            {
                origin = node.Deserialize<DiscordOrigin>(Json);
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return origin is not null;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using EditBot.Moderation;

namespace EditBot.Origin;

/// <summary>
/// The one typed form of a job's <see cref="Core.Jobs.JobOrigin.Data"/>, written and read only through
/// <see cref="JobOrigins"/>. Each entry fills its own part: the Discord experience <see cref="Discord"/>, the moderation
/// policy's decision <see cref="Moderation"/>, the <c>edit</c> verb <see cref="OutputDirectory"/>. The property names
/// are the stored JSON's ("discord", "moderation", "out"), so jobs stored before this type existed read the same.
/// </summary>
public sealed record OriginDocument
{
    /// <summary>Where a Discord job came from and where its progress and results go.</summary>
    public DiscordOrigin? Discord { get; init; }

    /// <summary>The server context the rules check again before submitting; null outside any server's rules.</summary>
    public ModerationContext? Moderation { get; init; }

    /// <summary>The folder a command-line job's results are written to.</summary>
    [JsonPropertyName("out")]
    public string? OutputDirectory { get; init; }
}

/// <summary>The origin document's serializer, generated at build time (web defaults: camelCase names, numbers read from strings too).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OriginDocument))]
internal sealed partial class OriginJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;

namespace EditBot.CommandLine;

/// <summary>The origin of a job started by the <c>edit</c> verb: results go to a folder.</summary>
public static class CliOrigin
{
    public const string Kind = "cli";

    public static JobOrigin Create(string outputDirectory) =>
        new(Kind, $"cli:{Environment.UserName}", null, new JsonObject { ["out"] = Path.GetFullPath(outputDirectory) }.ToJsonString());

    public static string OutputDirectory(JobOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var node = JsonNode.Parse(origin.Data) ?? throw new JsonException("The job's origin has no data.");
        return node["out"]?.GetValue<string>() ?? throw new JsonException("The job's origin names no output folder.");
    }
}

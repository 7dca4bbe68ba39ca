using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using EditBot.Core.Jobs;
using EditBot.Moderation;

namespace EditBot.Origin;

/// <summary>
/// Makes and reads every <see cref="JobOrigin"/> the host stores: the route (<see cref="JobOrigin.Kind"/>), the keys
/// (<see cref="OriginKeys"/>) and the typed <see cref="OriginDocument"/> in <see cref="JobOrigin.Data"/>. Nothing else
/// parses or writes origin data.
/// </summary>
public static class JobOrigins
{
    /// <summary>The route of jobs asked for on Discord.</summary>
    public const string DiscordKind = "discord";

    /// <summary>The route of jobs started by the <c>edit</c> verb: results go to a folder.</summary>
    public const string CliKind = "cli";

    /// <param name="moderation">The policy's context for the check before submitting; null when no server's rules apply.</param>
    /// <param name="scopeGuildId">The server the job counts against when not the one it was asked in (default: the origin's).</param>
    public static JobOrigin ForDiscord(DiscordOrigin origin, ModerationContext? moderation = null, ulong? scopeGuildId = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var document = new OriginDocument { Discord = origin, Moderation = moderation };
        // A user install's request in a server that never added the bot counts against no server.
        return new(DiscordKind, OriginKeys.User(origin.UserId), OriginKeys.Guild(scopeGuildId ?? origin.RulesGuildId()), Write(document));
    }

    public static JobOrigin ForCli(string outputDirectory) =>
        new(CliKind, $"cli:{Environment.UserName}", null, Write(new OriginDocument { OutputDirectory = Path.GetFullPath(outputDirectory) }));

    public static string Write(OriginDocument document) => JsonSerializer.Serialize(document, OriginJsonContext.Default.OriginDocument);

    /// <returns>The document; an empty one when the data is not a readable origin document (never throws).</returns>
    public static OriginDocument Read(JobOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        try
        {
            return JsonSerializer.Deserialize(origin.Data, OriginJsonContext.Default.OriginDocument) ?? new OriginDocument();
        }
        catch (JsonException)
        {
            return new OriginDocument();
        }
    }

    /// <summary>The Discord origin of a job routed to Discord; false for other routes or unreadable data.</summary>
    public static bool TryReadDiscord(Job job, [NotNullWhen(true)] out DiscordOrigin? origin)
    {
        ArgumentNullException.ThrowIfNull(job);
        origin = string.Equals(job.Origin.Kind, DiscordKind, StringComparison.OrdinalIgnoreCase) ? Read(job.Origin).Discord : null;
        return origin is not null;
    }

    /// <summary>The folder of a command-line job.</summary>
    /// <exception cref="JsonException">The origin names no output folder.</exception>
    public static string OutputDirectory(JobOrigin origin) =>
        Read(origin).OutputDirectory ?? throw new JsonException("The job's origin names no output folder.");
}

/// <summary>The moderation rules' view of the origin document.</summary>
public sealed class OriginModerationContextReader : IModerationContextReader
{
    public ModerationContext? Read(JobOrigin origin) => JobOrigins.Read(origin).Moderation;

    public bool IsUserInstallOnly(JobOrigin origin) => JobOrigins.Read(origin).Discord?.UserInstallOnly == true;
}

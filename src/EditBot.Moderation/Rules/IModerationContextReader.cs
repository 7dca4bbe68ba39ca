using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>
/// Reads the <see cref="ModerationContext"/> kept in a job's origin at intake. The host owns the origin's format (one
/// typed document with its own JSON context); the rules only ask for their part and never parse it themselves.
/// </summary>
public interface IModerationContextReader
{
    /// <returns>Null when the origin carries no (readable) moderation context, e.g. a command-line job.</returns>
    ModerationContext? Read(JobOrigin origin);

    /// <summary>True when only the requester's own install authorized the job (no server's rules apply, Moderation:UserInstall does).</summary>
    bool IsUserInstallOnly(JobOrigin origin) => false;
}

public static class ModerationContextReaderExtensions
{
    /// <summary>The job's server: from its moderation context, else from its scope key ("guild:{id}"); null without one.</summary>
    public static ulong? GuildOf(this IModerationContextReader reader, Job job)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(job);
        return reader.Read(job.Origin) is { } context ? context.GuildId
            : OriginKeys.TryParseGuild(job.Origin.ScopeKey, out var id) ? id
            : null;
    }
}

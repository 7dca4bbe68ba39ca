using System.ComponentModel.DataAnnotations;

namespace EditBot.Core.Cluster;

/// <summary>
/// The <c>Scale</c> section: how instances sharing one PostgreSQL store see each other. Unused with SQLite (one
/// process owns the whole budget and every singleton task).
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Scale";

    /// <summary>How often an instance writes its heartbeat row and re-reads who else is live.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An instance whose heartbeat is older than this no longer counts: the others take its share.</summary>
    [Range(typeof(TimeSpan), "00:00:00.300", "00:10:00")]
    public TimeSpan InstanceTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often an instance that does not lead a singleton task tries to take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan LeaderRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a joining instance waits, after its first heartbeat found others, before it spends any shared budget:
    /// one heartbeat (the others see it and shrink their shares) plus the global limiter's window (what they sent under
    /// their old share ages out).
    /// </summary>
    public TimeSpan JoinDelay => HeartbeatInterval + TimeSpan.FromSeconds(1.5);
}

using EditBot.Core.Jobs;

namespace EditBot.Core.Storage;

/// <summary>
/// A filter over jobs; null members do not filter. Results are newest first (by creation, then id: see
/// <see cref="JobPosition"/>), or oldest first with <see cref="OldestFirst"/>, capped by <see cref="Limit"/>.
/// </summary>
public sealed record JobQuery
{
    public string? RequesterKey { get; init; }
    public string? ScopeKey { get; init; }
    public IReadOnlyCollection<JobState>? States { get; init; }
    public DateTimeOffset? CreatedSince { get; init; }
    /// <summary>Jobs written at or after this time (any change: a job created yesterday and submitted today matches).</summary>
    public DateTimeOffset? UpdatedSince { get; init; }
    /// <summary>Keyset paging: only jobs after this position in the newest-first order (created earlier, or at the same instant with a lower id).</summary>
    public JobPosition? OlderThan { get; init; }
    /// <summary>Keyset paging back: only jobs before this position in the newest-first order (created later, or at the same instant with a higher id).</summary>
    public JobPosition? NewerThan { get; init; }
    /// <summary>Oldest first instead: with <see cref="NewerThan"/> and <see cref="Limit"/>, the page just before a position, nearest first.</summary>
    public bool OldestFirst { get; init; }
    public int Limit { get; init; } = 100;

    public static readonly IReadOnlyCollection<JobState> Active =
        Enum.GetValues<JobState>().Where(s => !s.IsTerminal()).ToArray();
}

using EditBot.Core.Jobs;

namespace EditBot.Core.Storage;

/// <summary>A filter over jobs; null members do not filter. Results are newest first, capped by <see cref="Limit"/>.</summary>
public sealed record JobQuery
{
    public string? RequesterKey { get; init; }
    public string? ScopeKey { get; init; }
    public IReadOnlyCollection<JobState>? States { get; init; }
    public DateTimeOffset? CreatedSince { get; init; }
    /// <summary>Jobs written at or after this time (any change: a job created yesterday and submitted today matches).</summary>
    public DateTimeOffset? UpdatedSince { get; init; }
    public int Limit { get; init; } = 100;

    public static readonly IReadOnlyCollection<JobState> Active =
        Enum.GetValues<JobState>().Where(s => !s.IsTerminal()).ToArray();
}

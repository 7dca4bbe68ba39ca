using EditBot.Core.Jobs;

namespace EditBot.Core.Storage;

/// <summary>
/// A job's place in the newest-first order of <see cref="JobQuery"/> lists, for keyset paging: its creation time, then
/// its id for jobs created at the same instant (compared as lowercase hex text, which is also PostgreSQL's uuid order).
/// Take it from a job read back from the store: the store keeps its own precision of the time.
/// </summary>
public sealed record JobPosition(DateTimeOffset CreatedAt, Guid Id)
{
    public static JobPosition Of(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job.CreatedAt, job.Id);
    }

    /// <summary>Negative when <paramref name="job"/> comes before this position in newest-first order (it is newer).</summary>
    public int CompareTo(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var byTime = job.CreatedAt.CompareTo(CreatedAt);
        return byTime != 0 ? -byTime : -string.CompareOrdinal(job.Id.ToString("D"), Id.ToString("D"));
    }
}

using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>
/// What counts toward usage. A job counts once it may have cost money: its submit intent was recorded, it was
/// accepted, or it is past submission (Done included). Rejected jobs never count, nor do jobs that failed or were
/// cancelled before submission. At intake, jobs still on their way (received, waiting for review, queued,
/// preparing) count too, as reservations, so a burst of requests cannot all pass before any is submitted.
/// Days are UTC and a job belongs to the day it was created.
/// </summary>
public static class UsageCounting
{
    public static bool MayHaveCost(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.State != JobState.Rejected
            && (job.SubmitIntentAt is not null || job.Submissions > 0
                || job.State is JobState.Submitted or JobState.Polling or JobState.Fetching or JobState.Delivering or JobState.Done);
    }

    public static bool Counts(Job job, CheckPoint point)
    {
        ArgumentNullException.ThrowIfNull(job);
        return MayHaveCost(job) || (point == CheckPoint.Intake && !job.IsTerminal);
    }

    public static DateTimeOffset StartOfUtcDay(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }
}

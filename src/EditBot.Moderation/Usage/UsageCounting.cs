using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>
/// What counts toward usage. A job counts once it may have cost money: its submit intent was recorded, it was
/// accepted, or it is past submission (Done included). Rejected jobs never count, nor do jobs that failed or were
/// cancelled before submission. At intake, jobs still on their way (received, waiting for review, queued,
/// preparing) count too, as reservations, so a burst of requests cannot all pass before any is submitted.
/// Days are UTC and a job counts on the day it was spent (its intent to submit, which the submission gate judged, or
/// its submit when no intent was kept), not the day it was created:
/// a review backlog approved after midnight counts today. A reservation not yet spent counts today.
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

    /// <summary>When the job's money was (or, for a reservation, will be) spent; null when it never costs.</summary>
    public static DateTimeOffset? SpentAt(Job job, CheckPoint point, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (MayHaveCost(job))
        {
            return job.SubmitIntentAt ?? job.SubmittedAt ?? job.UpdatedAt;
        }

        return Counts(job, point) ? now : null;
    }

    public static DateTimeOffset StartOfUtcDay(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }
}

using System.Globalization;
using EditBot.Bot.Progress;
using EditBot.Core.Jobs;
using EditBot.Moderation;

namespace EditBot.Bot.History;

/// <summary>How a past edit reads in /editbot history and status: its outcome and its estimated cost.</summary>
public static class PastEditText
{
    /// <summary>Done with N images, not delivered (and why), failed, declined, cancelled, or where it stands now.</summary>
    public static string Outcome(Job job, DateTimeOffset now, int maxReason = 100)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job switch
        {
            { State: JobState.Done } => string.Create(CultureInfo.InvariantCulture, $"✅ Done · {job.ResultBlobs.Count} image{(job.ResultBlobs.Count == 1 ? "" : "s")}"),
            { State: JobState.Failed, Failure: { Code: FailureCode.DeliveryFailed } failure } => $"📭 Not delivered: {ProgressText.Shorten(failure.Message, maxReason)}",
            { State: JobState.Failed, Failure: { } failure } => $"❌ Failed: {ProgressText.Shorten(failure.Message, maxReason)}",
            _ => ProgressText.Status(job, 0, now),
        };
    }

    /// <summary>
    /// The estimate the usage report and the budgets count (<see cref="UsageCounting.MayHaveCost"/>, priced by the
    /// <see cref="CostEstimator"/>); an edit that never reached the model cost nothing.
    /// </summary>
    public static string Cost(Job job, CostEstimator costs)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(costs);
        var estimate = Money.Format(costs.Estimate(job.Request).TotalUsd);
        return UsageCounting.MayHaveCost(job) ? $"est. {estimate}"
            : job.IsTerminal ? "no cost"
            : $"est. {estimate} once sent";
    }

    /// <summary>Results that Show results can send: those of a finished edit, or of one whose delivery was refused.</summary>
    public static bool HasResults(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.ResultBlobs.Count > 0 && (job.State == JobState.Done || job.Failure?.Code == FailureCode.DeliveryFailed);
    }
}

using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Intake;

/// <summary>Per-person limits: at most N jobs running and M waiting, so one person cannot fill the queue.</summary>
public sealed class UserLimits(IJobStore jobs, IOptions<BotExperienceOptions> options)
{
    private static readonly JobState[] Waiting = [JobState.Received, JobState.AwaitingApproval, JobState.Queued];
    private static readonly JobState[] Running =
        [JobState.Preparing, JobState.Submitting, JobState.Submitted, JobState.Polling, JobState.Fetching, JobState.Delivering];

    /// <returns>A refusal for the requester, or null when another job is allowed.</returns>
    public async Task<string?> CheckAsync(string requesterKey, CancellationToken cancellationToken)
    {
        var waiting = await jobs.CountAsync(new JobQuery { RequesterKey = requesterKey, States = Waiting }, cancellationToken);
        var running = await jobs.CountAsync(new JobQuery { RequesterKey = requesterKey, States = Running }, cancellationToken);
        return Evaluate(running, waiting, options.Value);
    }

    /// <summary>
    /// A new job waits first, so the queue limit decides; running jobs count too once they fill their share, so a
    /// person never holds more than running + queued slots.
    /// </summary>
    public static string? Evaluate(int running, int waiting, BotExperienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (waiting >= options.MaxQueuedPerUser)
        {
            return $"You already have {Edits(waiting)} waiting in line (at most {options.MaxQueuedPerUser} per person). " +
                "Wait for one to start, or cancel one with `/editbot cancel`.";
        }

        if (running + waiting >= options.MaxRunningPerUser + options.MaxQueuedPerUser)
        {
            return $"You already have {Edits(running + waiting)} on the go (at most {options.MaxRunningPerUser} running and " +
                $"{options.MaxQueuedPerUser} waiting per person). Wait for one to finish, or cancel one with `/editbot cancel`.";
        }

        return null;
    }

    private static string Edits(int count) => count == 1 ? "1 edit" : $"{count} edits";
}

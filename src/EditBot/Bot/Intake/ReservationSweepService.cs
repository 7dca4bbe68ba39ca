using EditBot.Bot.Progress;
using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Origin;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Intake;

/// <summary>
/// Gives up reservations whose process stopped between reserving a request and queueing it (see
/// <see cref="EditIntake"/>), at start and then every minute, so they stop counting against the person's limits.
/// Nothing was sent for them. The person is told where they are still waiting: the command's deferred answer, while
/// its token lives, or a reply to the mention.
/// </summary>
public sealed partial class ReservationSweepService(
    JobService jobs,
    DiscordRestClient rest,
    ProgressMessages progress,
    TimeProvider time,
    IOptions<BotExperienceOptions> options,
    ILogger<ReservationSweepService> logger,
    ILeaderElection? leaders = null) : PeriodicSweep(time, logger, leaders)
{
    private const int MaxPerSweep = 500;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override string Name => "reservation";

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        var expired = await jobs.ExpireReservationsAsync(options.Value.ReservationLifetime, MaxPerSweep, cancellationToken);
        if (expired.Count == 0)
        {
            return;
        }

        LogExpired(logger, expired.Count);
        foreach (var job in expired)
        {
            if (JobOrigins.TryReadDiscord(job, out var origin))
            {
                await TellAsync(job, origin, cancellationToken);
            }
        }
    }

    public static string InterruptedText(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"⚠️ Your edit “{ProgressText.Shorten(job.Request.Prompt, 100)}” was interrupted before it was queued (the bot restarted). "
            + "Nothing was sent to the model and it does not count against your limits. Please run it again.";
    }

    private async Task TellAsync(Job job, DiscordOrigin origin, CancellationToken cancellationToken)
    {
        var body = new MessageBody { Content = InterruptedText(job) };
        try
        {
            // /edit, Edit image and the result buttons defer before they reserve: their answer still shows "thinking".
            if (origin.Entry is EntryKind.Slash or EntryKind.MessageCommand or EntryKind.Button && progress.TokenAlive(origin))
            {
                await rest.EditOriginalResponseAsync(origin.InteractionToken!, body, null, cancellationToken);
            }
            else if (origin.Entry == EntryKind.Mention && !origin.InteractionOnly && origin.ThreadAnchorMessageId is { } mention)
            {
                await rest.CreateMessageAsync(
                    origin.ChannelId,
                    body with { MessageReference = new MessageReference { MessageId = mention, ChannelId = origin.ChannelId, FailIfNotExists = false } },
                    null,
                    cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The answer is gone, the channel closed to the bot or Discord unreachable: the reservation is given up all
            // the same, and the others are still told.
            LogNotTold(logger, e, job.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} reservations were left unqueued by a stopped process and are given up")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: could not tell the requester that the interrupted edit was given up")]
    private static partial void LogNotTold(ILogger logger, Exception error, Guid jobId);
}

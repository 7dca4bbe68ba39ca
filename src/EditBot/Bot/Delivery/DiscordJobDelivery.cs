using System.Net;
using EditBot.Bot.Progress;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Imaging.Packaging;
using EditBot.Origin;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Delivery;

/// <summary>
/// Posts a finished job's results to Discord: a thread (started on the anchor, or the thread it came from), a reply
/// in the channel where a thread can't be made, or ephemeral follow-ups for private jobs; then the progress message
/// shows the outcome. Every step is recorded, so a delivery run again after a crash continues where it stopped.
/// </summary>
public sealed partial class DiscordJobDelivery(
    DiscordRestClient rest,
    ResultPackager packager,
    DeliveryRecords records,
    ResultMessages resultMessages,
    ResultPoster poster,
    ProgressMessages progress,
    ProgressPublisher publisher,
    TimeProvider timeProvider,
    IOptions<BotExperienceOptions> options,
    ILogger<DiscordJobDelivery> logger) : IJobDelivery
{
    public string Kind => JobOrigins.DiscordKind;

    /// <summary>
    /// While the results download: decide where they go and start the thread, recorded as the delivery would, so the
    /// delivery finds it done. A retried fetch finds it in the record; a thread made but not recorded is found again
    /// (Discord answers that the message already has one, and its id is the message's).
    /// </summary>
    public async Task PrepareAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!JobOrigins.TryReadDiscord(job, out var origin) || ThreadPlanner.Plan(origin) is not { ThroughInteraction: false } plan)
        {
            return;
        }

        var record = await records.GetAsync(job.Id, cancellationToken);
        if (record.DestinationChannelId is null)
        {
            await records.SaveAsync(job.Id, await DecideDestinationAsync(job, origin, plan, record, cancellationToken), cancellationToken);
        }
    }

    public async Task DeliverAsync(Job job, IReadOnlyList<Blob> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(results);
        if (!JobOrigins.TryReadDiscord(job, out var origin))
        {
            throw new InvalidOperationException($"Job {job.Id} has no readable Discord origin.");
        }

        await publisher.CloseAsync(job.Id, cancellationToken);
        var record = await records.GetAsync(job.Id, cancellationToken);
        var plan = ThreadPlanner.Plan(origin);

        // Packaging (CPU: the contact sheet) and the thread (a round trip) do not wait for each other.
        var packaging = Task.Run(() => packager.PackageAsync(
            [.. results.Select(r => (ReadOnlyMemory<byte>)r.Content)], origin.AttachmentSizeLimit, ResultComponents.BaseName, cancellationToken), cancellationToken);
        var deciding = record.DestinationChannelId is null && !plan.ThroughInteraction
            ? DecideAndSaveAsync(job, origin, plan, record, cancellationToken)
            : Task.FromResult(record);
        await Task.WhenAll(packaging, deciding);
        var packages = await packaging;
        record = await deciding;

        // Where the results go is settled unless the invoking thread may turn them away to its channel, or a private
        // answer may end in DMs: otherwise the final edit says the same whenever it is sent, so it goes with the upload.
        var finalEdit = !record.ProgressFinalized && plan.Kind is DeliveryPlanKind.StartThread or DeliveryPlanKind.ReplyInChannel
            ? FinalizeProgressAsync(job, origin, plan, record, packages, cancellationToken)
            : null;
        try
        {
            record = await PostAsync(job, origin, plan, record, packages, cancellationToken);
        }
        catch when (finalEdit is not null)
        {
            try
            {
                await finalEdit;
            }
            catch (Exception)
            {
                // The posting's error is the one the engine retries on; the final edit is sent again with it.
            }

            throw;
        }

        if (!record.ProgressFinalized)
        {
            await (finalEdit ?? FinalizeProgressAsync(job, origin, plan, record, packages, cancellationToken));
            await records.SaveAsync(job.Id, record with { ProgressFinalized = true }, cancellationToken);
        }

        LogDelivered(logger, job.Id, packages.Count, record.InThread);
    }

    private async Task<DeliveryRecord> DecideAndSaveAsync(Job job, DiscordOrigin origin, DeliveryPlan plan, DeliveryRecord record, CancellationToken cancellationToken)
    {
        record = await DecideDestinationAsync(job, origin, plan, record, cancellationToken);
        await records.SaveAsync(job.Id, record, cancellationToken);
        return record;
    }

    /// <summary>Posts the parts not yet recorded, recording each before and after its send.</summary>
    private async Task<DeliveryRecord> PostAsync(
        Job job, DiscordOrigin origin, DeliveryPlan plan, DeliveryRecord record, IReadOnlyList<PackagedMessage> packages, CancellationToken cancellationToken)
    {
        for (var part = record.PostedMessageIds.Count; part < packages.Count; part++)
        {
            // Recorded before the send: if its answer is lost, the next attempt knows to look for it first.
            var mayHavePosted = record.PendingPart == part;
            if (!mayHavePosted)
            {
                record = record with { PendingPart = part };
                await records.SaveAsync(job.Id, record, cancellationToken);
            }

            PostedResult posted;
            try
            {
                posted = await poster.PostAsync(job, origin, plan, record, packages, part, mayHavePosted, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code is DiscordErrorCodes.ThreadLocked or DiscordErrorCodes.ThreadArchived
                && record.InThread && plan.Kind == DeliveryPlanKind.UseThread && origin.ParentChannelId is { } parent)
            {
                // A moderator locked (or closed) the thread the edit came from: the parent channel still takes results.
                LogThreadClosed(logger, job.Id, e.Code);
                record = record with
                {
                    DestinationChannelId = parent, InThread = false,
                    FallbackReason = "The thread this edit came from is locked, so the results are here in its channel.",
                };
                await records.SaveAsync(job.Id, record, cancellationToken);
                posted = await poster.PostAsync(job, origin, plan, record, packages, part, mayHavePosted: false, cancellationToken);
            }

            var (messageId, channelId, toDms, classic) = posted;
            record = record with
            {
                PostedMessageIds = [.. record.PostedMessageIds, messageId], PendingPart = null, SentToDirectMessages = record.SentToDirectMessages || toDms,
                SentThroughInteraction = record.SentThroughInteraction || (plan.ThroughInteraction && !toDms),
                ClassicCards = record.ClassicCards || classic,
            };
            await records.SaveAsync(job.Id, record, cancellationToken);
            await resultMessages.SaveAsync(messageId, new ResultMessage(job.Id, ResultComponents.ResultIndexes(packages[part]), channelId), cancellationToken);
        }

        return record;
    }

    private async Task<DeliveryRecord> DecideDestinationAsync(Job job, DiscordOrigin origin, DeliveryPlan plan, DeliveryRecord record, CancellationToken cancellationToken)
    {
        if (plan.Kind != DeliveryPlanKind.StartThread)
        {
            return record with { DestinationChannelId = plan.ChannelId, InThread = plan.Kind == DeliveryPlanKind.UseThread, FallbackReason = plan.Reason };
        }

        try
        {
            var name = ProgressText.Shorten(job.Request.Prompt, 100);
            var thread = await rest.StartThreadFromMessageAsync(plan.ChannelId, plan.AnchorMessageId!.Value, name, options.Value.ThreadAutoArchiveMinutes, cancellationToken);
            return record with { DestinationChannelId = thread.Id, InThread = true };
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCodes.ThreadAlreadyCreated)
        {
            // One thread per message, and its id is the message's: a retried delivery finds the thread it made before.
            return record with { DestinationChannelId = plan.AnchorMessageId, InThread = true };
        }
        catch (DiscordApiException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            LogThreadRefused(logger, job.Id, (int)e.StatusCode, e.Code);
            var reason = e.StatusCode == HttpStatusCode.Forbidden
                ? "I'm not allowed to start a thread here (missing Create Public Threads permission), so the results are in the channel."
                : "Discord didn't let me start a thread on that message, so the results are in the channel.";
            return record with { DestinationChannelId = plan.ChannelId, InThread = false, FallbackReason = reason };
        }
    }

    private async Task FinalizeProgressAsync(Job job, DiscordOrigin origin, DeliveryPlan plan, DeliveryRecord record, IReadOnlyList<PackagedMessage> packages, CancellationToken cancellationToken)
    {
        var where = origin.Private || plan.ThroughInteraction
            ? (record.SentToDirectMessages
                ? (record.SentThroughInteraction ? "results below, the rest in your DMs" : "results sent to your DMs")
                : origin.Private ? "results below, only you can see them" : "results below")
            : record.InThread ? $"results in <#{record.DestinationChannelId}>" : "results below";
        var done = job with { State = JobState.Done, CompletedAt = job.CompletedAt ?? timeProvider.GetUtcNow() };
        var body = ProgressText.Render(done, origin, 0, timeProvider.GetUtcNow(), where);
        var sheet = job.Request.Count > 1 ? packages.SelectMany(p => p.Files).FirstOrDefault(f => f.FileName.EndsWith("-sheet.jpg", StringComparison.Ordinal)) : null;
        IReadOnlyList<DiscordFile>? files = sheet is null ? null : [ResultComponents.Upload(sheet, origin.ResultsAsSpoilers)];
        try
        {
            await progress.EditAsync(origin, body, files, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCodes.UnknownMessage or DiscordErrorCodes.UnknownChannel)
        {
            // Someone deleted the progress message: the results are posted, which is what matters.
            LogProgressGone(logger, job.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} delivered to Discord in {Messages} message(s) (thread: {InThread})")]
    private static partial void LogDelivered(ILogger logger, Guid jobId, int messages, bool inThread);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: Discord refused the results thread ({Status}, code {Code}); replying in the channel")]
    private static partial void LogThreadRefused(ILogger logger, Guid jobId, int status, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: the invoking thread refused the results (code {Code}); posting in its parent channel")]
    private static partial void LogThreadClosed(ILogger logger, Guid jobId, int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: the progress message is gone; final edit skipped")]
    private static partial void LogProgressGone(ILogger logger, Guid jobId);
}

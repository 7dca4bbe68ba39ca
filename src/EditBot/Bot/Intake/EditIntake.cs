using System.Text.Json.Nodes;
using EditBot.Bot.Origin;
using EditBot.Core.Backend;
using EditBot.Core.Engine;
using EditBot.Core.Storage;
using EditBot.Gmi;
using EditBot.Imaging.Intake;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Intake;

/// <summary>
/// The intake pipeline every entry point shares: check the input and the person's limits, download the files once,
/// normalize them, ask the policy, store the bytes as blobs and queue the job. Refusals come back as messages.
/// </summary>
public sealed partial class EditIntake(
    SafeMediaDownloader downloader,
    ImageIntake imageIntake,
    IBlobStore blobs,
    JobService jobService,
    UserLimits limits,
    IIntakePolicy policy,
    IOptions<BotExperienceOptions> options,
    ILogger<EditIntake> logger)
{
    /// <param name="requester">Roles and permissions of the requester, for the policy.</param>
    /// <param name="beforeEnqueue">Called once everything is accepted and just before queueing: posts the progress message and returns the origin with its id.</param>
    public async Task<IntakeOutcome> SubmitAsync(
        EditInput input,
        DiscordOrigin origin,
        (IReadOnlyList<ulong> RoleIds, ulong Permissions) requester,
        Func<DiscordOrigin, CancellationToken, Task<DiscordOrigin>> beforeEnqueue,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(beforeEnqueue);
        var settings = options.Value;
        if (EditInputRules.Check(input, settings.MaxPromptLength) is { } invalid)
        {
            return IntakeOutcome.Refused(invalid);
        }

        if (await limits.CheckAsync(OriginData.RequesterKey(origin.UserId), cancellationToken) is { } limited)
        {
            return IntakeOutcome.Refused(limited);
        }

        var image = await LoadAsync(input.Image, "your image", cancellationToken);
        if (image.Refusal is not null)
        {
            return IntakeOutcome.Refused(image.Refusal);
        }

        byte[]? maskBytes = null;
        if (input.Mask is { } maskSource)
        {
            var mask = await LoadAsync(maskSource, "your mask", cancellationToken);
            if (mask.Refusal is not null)
            {
                return IntakeOutcome.Refused(mask.Refusal);
            }

            maskBytes = mask.Bytes;
        }

        EditInputRules.TryRegion(input, out var region, out _);
        var (serverSize, serverQuality) = await policy.DefaultsAsync(origin.GuildId, cancellationToken);
        var prepared = await imageIntake.PrepareAsync(image.Bytes, maskBytes, region, input.Size ?? serverSize, cancellationToken);
        if (prepared is ImageRejection rejection)
        {
            return IntakeOutcome.Refused(RejectionText(rejection));
        }

        var edit = (PreparedEdit)prepared;
        var prompt = input.Prompt.Trim();
        var quality = (input.Quality ?? serverQuality ?? settings.DefaultQuality).Trim().ToLowerInvariant();
        var size = edit.Size.ToString();
        var decision = await policy.CheckAsync(
            new IntakeContext(origin.GuildId, origin.ChannelId, origin.ParentChannelId, origin.UserId, requester.RoleIds, requester.Permissions,
                prompt, input.Count, quality, size, origin.ChannelUnknown),
            cancellationToken);
        if (decision.IsRefused)
        {
            return IntakeOutcome.Refused(decision.RefusalMessage!);
        }

        var imageBlob = await blobs.PutAsync(edit.Image, edit.MediaType, cancellationToken);
        string? maskBlob = edit.Mask is { } m ? await blobs.PutAsync(m, "image/png", cancellationToken) : null;
        var request = new Core.Jobs.EditRequest(prompt, imageBlob, maskBlob, size, quality, input.Count);

        var final = await beforeEnqueue(origin with { IntakeNotes = edit.Notes, ResultsAsSpoilers = decision.ResultsAsSpoilers }, cancellationToken);
        var extra = new JsonObject();
        decision.WriteOriginData?.Invoke(extra);
        var job = await jobService.EnqueueAsync(request, OriginData.ToJobOrigin(final, extra), decision.NeedsReview, cancellationToken);
        LogQueued(logger, job.Id, origin.Entry, origin.UserId, decision.NeedsReview);
        return new IntakeOutcome(job, null);
    }

    private static string RejectionText(ImageRejection rejection) =>
        rejection.Input == InputKind.Mask ? $"Mask: {rejection.Message}" : rejection.Message;

    private async Task<(byte[] Bytes, string? Refusal)> LoadAsync(ImageSource source, string what, CancellationToken cancellationToken)
    {
        if (source.BlobId is { } blobId)
        {
            var blob = await blobs.GetAsync(blobId, cancellationToken);
            return blob is null
                ? ([], $"I no longer have {what} stored; post it again and start a new edit.")
                : (blob.Content, null);
        }

        try
        {
            var media = await downloader.DownloadAsync(source.Url!.AbsoluteUri, cancellationToken);
            return (media.Content, null);
        }
        catch (EditBackendException error)
        {
            // The message names the host only (never the signed query string).
            LogDownloadFailed(logger, error.Kind, error.Message);
            return ([], $"I couldn't download {what} from Discord. Upload it again (as a file attached to your message) and retry.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} queued from {Entry} by user {UserId} (review: {NeedsReview})")]
    private static partial void LogQueued(ILogger logger, Guid jobId, EntryKind entry, ulong userId, bool needsReview);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake download failed ({Kind}): {Reason}")]
    private static partial void LogDownloadFailed(ILogger logger, BackendErrorKind kind, string reason);
}

using EditBot.Core.Backend;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Gmi;
using EditBot.Imaging.Intake;
using EditBot.Origin;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Intake;

/// <summary>
/// The intake pipeline every entry point shares: check the input, the person's limits and the rules that need no
/// pixels, download the files once, normalize them, store the bytes as blobs, then count and reserve atomically and
/// queue the job once its progress message exists. Refusals come back as messages.
/// </summary>
public sealed partial class EditIntake(
    SafeMediaDownloader downloader,
    ImageIntake imageIntake,
    IBlobStore blobs,
    JobService jobService,
    IAdmissionLock admission,
    UserLimits limits,
    IIntakePolicy policy,
    IOptions<BotExperienceOptions> options,
    ILogger<EditIntake> logger)
{
    /// <summary>The size priced lowest (oblong), assumed by the checks made before the image is decoded.</summary>
    private const string CheapestSize = "1536x1024";

    /// <summary>The answer when the spend lock stayed busy for its whole wait: nothing was decided or stored.</summary>
    internal const string BusyText = "Too many edits are being checked at once right now; nothing was sent. Try again in a minute.";

    /// <param name="requester">Roles and permissions of the requester, for the policy.</param>
    /// <param name="beforeEnqueue">Called once everything is accepted and just before queueing: posts the progress message and returns the origin with its id.</param>
    /// <param name="source">The job whose result's buttons started this request, whose rules still apply.</param>
    public async Task<IntakeOutcome> SubmitAsync(
        EditInput input,
        DiscordOrigin origin,
        (IReadOnlyList<ulong> RoleIds, ulong Permissions) requester,
        Func<DiscordOrigin, CancellationToken, Task<DiscordOrigin>> beforeEnqueue,
        Job? source,
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

        if (await PrecheckAsync(input, origin, requester, source, cancellationToken) is { } early)
        {
            return IntakeOutcome.Refused(early);
        }

        var requesterKey = OriginKeys.User(origin.UserId);
        var (serverSize, serverQuality) = await policy.DefaultsAsync(origin.RulesGuildId(), cancellationToken);
        var prompt = input.Prompt.Trim();
        var quality = Quality(input, serverQuality, settings);

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
        var prepared = await imageIntake.PrepareAsync(image.Bytes, maskBytes, region, input.Size ?? serverSize, cancellationToken);
        if (prepared is ImageRejection rejection)
        {
            return IntakeOutcome.Refused(RejectionText(rejection));
        }

        var edit = (PreparedEdit)prepared;
        var size = edit.Size.ToString();
        var imageBlob = await blobs.PutAsync(edit.Image, edit.MediaType, cancellationToken);
        string? maskBlob = edit.Mask is { } m ? await blobs.PutAsync(m, "image/png", cancellationToken) : null;
        var request = new Core.Jobs.EditRequest(prompt, imageBlob, maskBlob, size, quality, input.Count);
        var noted = origin with { IntakeNotes = edit.Notes };

        // Counting and reserving are one decision: under the spend lock the limits and rules are read and, when they
        // pass, the job is stored as a reservation that the next request counts. Twenty requests at once against a
        // budget for four: four reservations, sixteen refusals.
        IntakeDecision decision;
        Job reserved;
        IAsyncDisposable held;
        try
        {
            held = await admission.AcquireAsync(AdmissionKeys.Spend, cancellationToken);
        }
        catch (AdmissionBusyException)
        {
            return IntakeOutcome.Refused(BusyText);
        }

        await using (held)
        {
            if (await limits.CheckAsync(requesterKey, cancellationToken) is { } limitedNow)
            {
                return IntakeOutcome.Refused(limitedNow);
            }

            decision = await policy.CheckAsync(Context(origin, requester, prompt, input.Count, quality, size, source), cancellationToken);
            if (decision.IsRefused)
            {
                return IntakeOutcome.Refused(decision.RefusalMessage!);
            }

            reserved = await jobService.ReserveAsync(request, JobOrigins.ForDiscord(noted, decision.Moderation, decision.ScopeGuildId), cancellationToken);
        }

        JobCommandResult confirmed;
        try
        {
            var final = await beforeEnqueue(noted with { ResultsAsSpoilers = decision.ResultsAsSpoilers }, cancellationToken);
            // Once the progress message exists the job is queued whatever happens to the caller (a gateway shutting
            // down, an interaction that timed out): a half-done intake would leave a message that never moves.
            confirmed = await jobService.ConfirmAsync(reserved.Id, JobOrigins.ForDiscord(final, decision.Moderation, decision.ScopeGuildId), decision.NeedsReview, CancellationToken.None);
        }
        catch
        {
            // Nothing was queued: the reservation must stop counting against the person's limits.
            await jobService.AbandonReservationAsync(reserved.Id, "The edit could not be queued; nothing was sent", CancellationToken.None);
            throw;
        }

        if (confirmed is not { Outcome: JobCommandOutcome.Applied, Job: { } job })
        {
            return IntakeOutcome.Refused("This edit was cancelled before it could be queued; nothing was sent. Try again.");
        }

        LogQueued(logger, job.Id, origin.Entry, origin.UserId, decision.NeedsReview);
        return new IntakeOutcome(job, null);
    }

    /// <summary>
    /// The cheap checks: the person's limits and every rule that needs no pixels, run before any download or decode, so
    /// a refused request costs no bandwidth or memory (and the mask editor refuses before anyone draws). The size is not
    /// known yet: the check assumes the cheapest (an oblong image), so it never refuses what the full check would accept.
    /// </summary>
    /// <returns>The refusal to show, or null.</returns>
    public async Task<string?> PrecheckAsync(
        EditInput input, DiscordOrigin origin, (IReadOnlyList<ulong> RoleIds, ulong Permissions) requester, Job? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(origin);
        if (await limits.CheckAsync(OriginKeys.User(origin.UserId), cancellationToken) is { } limited)
        {
            return limited;
        }

        var (_, serverQuality) = await policy.DefaultsAsync(origin.RulesGuildId(), cancellationToken);
        var early = await policy.CheckAsync(
            Context(origin, requester, input.Prompt.Trim(), input.Count, Quality(input, serverQuality, options.Value), CheapestSize, source), cancellationToken);
        return early.RefusalMessage;
    }

    /// <summary>Reads an image the person gave: from the store, or downloaded from Discord (the refusal says which failed).</summary>
    /// <param name="what">How the refusal names it, e.g. "your image".</param>
    public async Task<(byte[] Bytes, string? Refusal)> LoadAsync(ImageSource source, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
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

    /// <summary>The message shown for an image or mask the imaging pipeline refused.</summary>
    public static string RejectionText(ImageRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return rejection.Input == InputKind.Mask ? $"Mask: {rejection.Message}" : rejection.Message;
    }

    private static string Quality(EditInput input, string? serverQuality, BotExperienceOptions settings) =>
        (input.Quality ?? serverQuality ?? settings.DefaultQuality).Trim().ToLowerInvariant();

    private static IntakeContext Context(
        DiscordOrigin origin, (IReadOnlyList<ulong> RoleIds, ulong Permissions) requester, string prompt, int count, string quality, string size, Job? source) =>
        new(origin.GuildId, origin.ChannelId, origin.ParentChannelId, origin.UserId, requester.RoleIds, requester.Permissions,
            prompt, count, quality, size, origin.ChannelUnknown, source, origin.UserInstallOnly);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} queued from {Entry} by user {UserId} (review: {NeedsReview})")]
    private static partial void LogQueued(ILogger logger, Guid jobId, EntryKind entry, ulong userId, bool needsReview);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake download failed ({Kind}): {Reason}")]
    private static partial void LogDownloadFailed(ILogger logger, BackendErrorKind kind, string reason);
}

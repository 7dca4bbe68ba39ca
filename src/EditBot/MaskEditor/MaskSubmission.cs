using System.Buffers.Binary;
using System.Globalization;
using EditBot.Bot;
using EditBot.Bot.History;
using EditBot.Bot.Intake;
using EditBot.Core.Engine;
using EditBot.Core.Storage;
using EditBot.Discord;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Origin;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.MaskEditor;

/// <summary>What the page posts: the painted mask (a PNG) and the request's fields as typed.</summary>
public sealed record MaskSubmitForm(byte[]? Mask, string? Prompt, string? Size, string? Quality, string? Count);

/// <summary>The answer to the page: an HTTP status, a message for the person, and where the results will appear.</summary>
public sealed record MaskSubmitAnswer(int Status, bool Ok, string Message, string? Url = null);

/// <summary>
/// A submit from the mask editor's page: checks the link and the mask, takes the link (single use, compare-and-set in
/// the store), then runs the same intake as /edit (limits, rules, review, budgets) with the mask as the person's own
/// mask. A refusal leaves the link usable so the person can fix what was wrong; an accepted edit uses it up.
/// </summary>
public sealed partial class MaskSubmission(
    MaskLinkGate gate,
    MaskDrafts drafts,
    EditIntake intake,
    IBlobStore blobs,
    JobService jobs,
    DiscordRestClient rest,
    TimeProvider time,
    IOptions<BotExperienceOptions> botOptions,
    IOptions<MaskEditorOptions> options,
    ILogger<MaskSubmission> logger)
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public async Task<MaskSubmitAnswer> SubmitAsync(string token, MaskSubmitForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var opened = await gate.OpenAsync(token, cancellationToken);
        if (opened.Draft is not { } draft)
        {
            return new MaskSubmitAnswer(opened.Status, false, opened.Message);
        }

        if (Check(form, draft, botOptions.Value.MaxPromptLength, options.Value.MaxMaskBytes, out var input) is { } problem)
        {
            return new MaskSubmitAnswer(400, false, problem);
        }

        var now = time.GetUtcNow();
        var claimed = await drafts.UpdateAsync(draft.LinkId, d =>
            d.State == MaskDraftState.Open || (d.State == MaskDraftState.Submitting && d.ClaimedAt < now - MaskDrafts.ClaimLifetime)
                ? d with { State = MaskDraftState.Submitting, ClaimedAt = now }
                : null,
            cancellationToken);
        if (claimed is null)
        {
            var current = await drafts.GetAsync(draft.LinkId, cancellationToken);
            return current?.State == MaskDraftState.Used
                ? MaskLinkGate.UsedAnswer(current)
                : new MaskSubmitAnswer(409, false, "This link is being submitted right now (another tab?). Wait a moment and reload the page.");
        }

        try
        {
            return await RunIntakeAsync(draft, input!, form.Mask!, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSubmitFailed(logger, error, draft.LinkId[..8]);
            await ReleaseAsync(draft.LinkId);
            return new MaskSubmitAnswer(502, false,
                "Something went wrong on my side while queueing that edit (Discord may be unreachable); nothing was sent. Try again in a minute.");
        }
    }

    private async Task<MaskSubmitAnswer> RunIntakeAsync(MaskDraft draft, EditInput input, byte[] mask, CancellationToken cancellationToken)
    {
        var maskBlob = await blobs.PutAsync(mask, "image/png", cancellationToken);
        var source = draft.SourceJobId is { } sourceId ? await jobs.GetAsync(sourceId, cancellationToken) : null;
        Message? progress = null;
        var outcome = await intake.SubmitAsync(
            input with { Image = ImageSource.FromBlob(draft.ImageBlob), Mask = ImageSource.FromBlob(maskBlob) },
            draft.Plan.Origin,
            (draft.Plan.RoleIds, draft.Plan.Permissions),
            async (accepted, ct) =>
            {
                progress = await rest.CreateMessageAsync(accepted.ChannelId, new MessageBody
                {
                    Content = $"🕒 Queued: <@{draft.UserId}>'s edit, drawn on the web page",
                    MessageReference = draft.Plan.ReplyToMessageId is { } reply
                        ? new MessageReference { MessageId = reply, ChannelId = accepted.ChannelId, GuildId = accepted.GuildId, FailIfNotExists = false }
                        : null,
                }, null, ct);
                return accepted with
                {
                    ProgressMessageId = progress.Id,
                    ThreadAnchorMessageId = draft.Plan.AnchorOnProgress ? progress.Id : accepted.ThreadAnchorMessageId,
                };
            },
            source,
            cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            if (progress is not null)
            {
                await ReviseAsync(progress, refusal);
            }

            await ReleaseAsync(draft.LinkId);
            return new MaskSubmitAnswer(422, false, refusal);
        }

        var url = JobLinks.Url(draft.Plan.Origin.GuildId, draft.Plan.Origin.ChannelId, progress!.Id).AbsoluteUri;
        await drafts.UpdateAsync(draft.LinkId, d => d with { State = MaskDraftState.Used, JobId = outcome.Job!.Id, ResultUrl = url }, CancellationToken.None);
        return new MaskSubmitAnswer(202, true, "Queued! Your edit's progress and results will appear in Discord, under the message this link opens.", url);
    }

    /// <summary>Everything about the form that needs no store: the mask's format, size and weight, and the fields as /edit checks them.</summary>
    private static string? Check(MaskSubmitForm form, MaskDraft draft, int maxPromptLength, long maxMaskBytes, out EditInput? input)
    {
        input = null;
        if (form.Mask is not { Length: > 0 } mask)
        {
            return "The mask is missing: paint the area to change, then press Edit.";
        }

        if (mask.Length > maxMaskBytes)
        {
            return $"The mask is {mask.Length / 1024} KiB; the limit is {maxMaskBytes / 1024} KiB. Reload the page and draw again.";
        }

        if (PngSize(mask) is not var (width, height))
        {
            return "The mask must be a PNG image. Reload the page and draw again.";
        }

        if (width != draft.Width || height != draft.Height)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The mask is {width}x{height} but the image is {draft.Width}x{draft.Height}: they must match exactly. Reload the page and draw again.");
        }

        var count = 1;
        if (!string.IsNullOrWhiteSpace(form.Count) && !int.TryParse(form.Count, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return $"count must be a whole number between 1 and {EditInputRules.MaxCount}.";
        }

        var candidate = new EditInput
        {
            Image = ImageSource.FromBlob(draft.ImageBlob),
            Prompt = form.Prompt ?? "",
            Size = string.IsNullOrWhiteSpace(form.Size) ? null : form.Size.Trim(),
            Quality = string.IsNullOrWhiteSpace(form.Quality) ? null : form.Quality.Trim(),
            Count = count,
        };
        if (EditInputRules.Check(candidate, maxPromptLength) is { } problem)
        {
            return problem;
        }

        input = candidate;
        return null;
    }

    /// <summary>Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG.</summary>
    internal static (int Width, int Height)? PngSize(ReadOnlySpan<byte> png)
    {
        if (png.Length < 24 || !png[..8].SequenceEqual(PngSignature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4));
        return width > 0 && height > 0 ? (width, height) : null;
    }

    private async Task ReleaseAsync(string linkId) =>
        await drafts.UpdateAsync(linkId, d => d.State == MaskDraftState.Submitting ? d with { State = MaskDraftState.Open, ClaimedAt = null } : null, CancellationToken.None);

    private async Task ReviseAsync(Message progress, string text)
    {
        try
        {
            await rest.EditMessageAsync(progress.ChannelId, progress.Id, new MessageBody { Content = text }, null, CancellationToken.None);
        }
        catch (DiscordApiException e)
        {
            LogReviseFailed(logger, progress.Id, (int)e.StatusCode, e.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A mask editor submit failed (link {LinkPrefix}…)")]
    private static partial void LogSubmitFailed(ILogger logger, Exception error, string linkPrefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not replace progress message {MessageId} with a refusal ({Status}, code {Code})")]
    private static partial void LogReviseFailed(ILogger logger, ulong messageId, int status, int code);
}

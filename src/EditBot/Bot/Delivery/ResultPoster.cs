using System.Net;
using System.Text;
using EditBot.Bot.Progress;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Imaging.Packaging;
using EditBot.Origin;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Delivery;

/// <summary>
/// Posts one packaged result message where the plan says: thread or channel, or through the interaction (ephemeral
/// or public follow-ups, then DMs). Each message is a Components V2 card unless configured otherwise or Discord
/// refused a card for this job; a refused card is posted again the classic way.
/// </summary>
public sealed partial class ResultPoster(
    DiscordRestClient rest, ProgressMessages progress, PostedResultFinder finder, IOptions<BotExperienceOptions> options, ILogger<ResultPoster> logger)
{
    /// <summary>Discord allows an interaction no server install authorized at most five follow-up messages; the rest go to DMs.</summary>
    public const int MaxFollowups = 5;

    /// <param name="parts">How many messages the job's results take.</param>
    /// <param name="mayHavePosted">An earlier attempt started this part's send: look for its message before posting.</param>
    public async Task<PostedResult> PostAsync(
        Job job, DiscordOrigin origin, DeliveryPlan plan, DeliveryRecord record, IReadOnlyList<PackagedMessage> parts, int part, bool mayHavePosted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(parts);
        var package = parts[part];
        var files = ResultComponents.Uploads(package, origin.ResultsAsSpoilers);
        var hasResults = ResultComponents.ResultIndexes(package).Count > 0;
        var cards = options.Value.ResultCards == ResultCardStyle.ComponentsV2 && !record.ClassicCards;

        // The same message as a card or the classic way: notes, the reason and the lead are the card's text or the content.
        MessageBody Body(bool card, string? reason, string? lead, bool canDelete)
        {
            IReadOnlyList<MessageComponent> buttons = hasResults ? ResultComponents.Buttons(job.Id, canDelete) : [];
            return card
                ? new MessageBody
                {
                    Components = ResultCard.Build(job, origin.UserId, package, origin.ResultsAsSpoilers, buttons, lead, reason, part, parts.Count),
                    Flags = MessageFlags.IsComponentsV2,
                }
                : new MessageBody { Content = Content(package, reason, lead), Components = buttons };
        }

        if (plan.ThroughInteraction)
        {
            // Ephemeral for a private edit; public where the bot can't post in the channel (a user install). No Delete or
            // Edit region there: both would need channel routes.
            var isPrivate = plan.Kind == DeliveryPlanKind.Private;
            var tokenAlive = progress.TokenAlive(origin);
            // The five follow-ups bind every interaction no server install authorized, ephemeral ones too. A job stored
            // before FollowupsLimited existed has only UserInstallOnly, which implies it.
            var followupsRanOut = (origin.FollowupsLimited || origin.UserInstallOnly) && part >= MaxFollowups;
            if (tokenAlive && !followupsRanOut)
            {
                try
                {
                    var (followup, followupClassic) = await SendAsync(job, cards, card =>
                    {
                        var body = Body(card, null, null, canDelete: false);
                        return rest.CreateFollowupAsync(origin.InteractionToken!, isPrivate ? body with { Flags = (body.Flags ?? 0) | MessageFlags.Ephemeral } : body, files, cancellationToken);
                    });
                    return new PostedResult(followup.Id, followup.ChannelId, false, followupClassic);
                }
                catch (DiscordApiException e) when (e.Code == DiscordErrorCodes.MaxFollowupsReached)
                {
                    // A follow-up this count did not see (an answer that had to stand in for @original) took a slot.
                    LogFollowupsRanOut(logger, job.Id, part);
                    followupsRanOut = true;
                }
            }

            // The token died (or a user install's follow-ups ran out): the requester's DMs are the one place left.
            var dm = await rest.CreateDmChannelAsync(origin.UserId, cancellationToken);
            if (mayHavePosted && await finder.FindAsync(dm.Id, job.Id, package, origin.ResultsAsSpoilers, cancellationToken) is { } sent)
            {
                return new PostedResult(sent.Id, dm.Id, true, record.ClassicCards);
            }

            try
            {
                var (direct, directClassic) = await SendAsync(job, cards, card => rest.CreateMessageAsync(
                    dm.Id, Body(card, DirectIntro(job, isPrivate, followupsRanOut && tokenAlive, firstInDms: !record.SentToDirectMessages), null, canDelete: false) with { Nonce = Nonce(job, part), EnforceNonce = true }, files, cancellationToken));
                return new PostedResult(direct.Id, dm.Id, true, directClassic);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCodes.CannotSendToUser)
            {
                var why = followupsRanOut && tokenAlive
                    ? $"The results needed more than the {MaxFollowups} messages Discord lets me answer with there"
                    : isPrivate ? "The private answer expired before the edit finished" : "Discord's answer window closed before the edit finished";
                throw new JobDeliveryRefusedException(
                    why + ", and your DMs are closed to me, so I could not deliver the results. Allow DMs from server members and try again.", e);
            }
        }

        var channelId = record.DestinationChannelId ?? plan.ChannelId;
        var first = part == 0;
        var mention = first && record.InThread && plan.Kind == DeliveryPlanKind.StartThread ? $"<@{origin.UserId}>" : null;
        var reply = first && !record.InThread && plan.AnchorMessageId is { } anchor
            ? new MessageReference { MessageId = anchor, ChannelId = plan.ChannelId, FailIfNotExists = false }
            : null;
        if (mayHavePosted && await finder.FindAsync(channelId, job.Id, package, origin.ResultsAsSpoilers, cancellationToken) is { } earlier)
        {
            return new PostedResult(earlier.Id, channelId, false, record.ClassicCards);
        }

        var (posted, classic) = await SendAsync(job, cards, card => rest.CreateMessageAsync(
            channelId,
            Body(card, first ? record.FallbackReason : null, mention, canDelete: true) with
            {
                MessageReference = reply,
                AllowedMentions = mention is null ? AllowedMentions.None : new AllowedMentions { Parse = [], Users = [origin.UserId] },
                // A crash after this post but before the delivery record is saved repeats the send: Discord then answers
                // with the message it already created instead of posting the results twice.
                Nonce = Nonce(job, part),
                EnforceNonce = true,
            },
            files,
            cancellationToken));
        return new PostedResult(posted.Id, channelId, false, classic);
    }

    /// <summary>The same for every attempt to post part <paramref name="part"/> of this job: 20 hex digits of the job id and the part.</summary>
    public static string Nonce(Job job, int part)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"{job.Id.ToString("N")[12..]}-{part}";
    }

    /// <summary>
    /// Sends as a card when <paramref name="card"/>; when Discord refuses the card's form (400 50035), sends the classic
    /// message instead. A refused send created nothing, so the same nonce is right for the second one.
    /// </summary>
    /// <returns>The message, and whether it went the classic way after a refused card (or without trying one).</returns>
    private async Task<(T Message, bool Classic)> SendAsync<T>(Job job, bool card, Func<bool, Task<T>> send)
    {
        if (card)
        {
            try
            {
                return (await send(true), false);
            }
            catch (DiscordApiException e) when (e.StatusCode == HttpStatusCode.BadRequest && e.Code == DiscordErrorCodes.InvalidFormBody)
            {
                LogCardRefused(logger, job.Id, e.Message);
            }
        }

        return (await send(false), true);
    }

    /// <summary>Why results are in the DM: on every part when the answer window closed, once when the follow-ups ran out.</summary>
    private static string? DirectIntro(Job job, bool isPrivate, bool followupsRanOut, bool firstInDms)
    {
        var edit = $"Your {(isPrivate ? "private " : "")}edit “{ProgressText.Shorten(job.Request.Prompt, 100)}”";
        if (followupsRanOut)
        {
            return firstInDms
                ? $"{edit} needs more messages than the {MaxFollowups} Discord lets me send in answer there, so the rest is here in DMs."
                : null;
        }

        return $"{edit} took longer than Discord lets me answer {(isPrivate ? "privately" : "there")}, so here it is in DMs.";
    }

    /// <summary>A classic result message's text: the lead, the reason on its own line, then the notes; at most 2,000 characters.</summary>
    public static string? Content(PackagedMessage package, string? reason, string? lead)
    {
        ArgumentNullException.ThrowIfNull(package);
        var text = new StringBuilder();
        if (lead is not null)
        {
            text.Append(lead).Append(' ');
        }

        if (reason is not null)
        {
            text.Append(reason).Append('\n');
        }

        foreach (var note in package.Notes)
        {
            text.Append("-# ").Append(note).Append('\n');
        }

        var content = text.ToString().Trim();
        return content.Length == 0 ? null : content.Length <= 2000 ? content : content[..1999] + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: the interaction's follow-ups ran out at part {Part}; the rest go to the requester's DMs")]
    private static partial void LogFollowupsRanOut(ILogger logger, Guid jobId, int part);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: Discord refused a result card ({Error}); posting its results the classic way")]
    private static partial void LogCardRefused(ILogger logger, Guid jobId, string error);
}

/// <summary>A posted result message: where it is, whether it went to the requester's DMs, and whether it is classic.</summary>
/// <param name="Classic">Sent the classic way although cards were wanted (Discord refused one), or found as such.</param>
public readonly record struct PostedResult(ulong MessageId, ulong ChannelId, bool ToDirectMessages, bool Classic);

using System.Text;
using EditBot.Bot.Progress;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Imaging.Packaging;
using EditBot.Origin;

namespace EditBot.Bot.Delivery;

/// <summary>Posts one packaged result message where the plan says: thread or channel, or privately (ephemeral, then DMs).</summary>
public sealed class ResultPoster(DiscordRestClient rest, ProgressMessages progress, PostedResultFinder finder)
{
    /// <param name="mayHavePosted">An earlier attempt started this part's send: look for its message before posting.</param>
    /// <returns>The posted message's id and channel, and whether it went to the requester's DMs.</returns>
    public async Task<(ulong MessageId, ulong ChannelId, bool ToDirectMessages)> PostAsync(
        Job job, DiscordOrigin origin, DeliveryPlan plan, DeliveryRecord record, PackagedMessage package, int part, bool mayHavePosted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(package);
        var files = package.Files.Select(f => new DiscordFile(ResultComponents.FileName(f, origin.ResultsAsSpoilers), f.Content, f.MediaType)).ToList();
        var hasResults = ResultComponents.ResultIndexes(package).Count > 0;
        if (plan.ThroughInteraction)
        {
            // Ephemeral for a private edit; public where the bot can't post in the channel (a user install). No Delete or
            // Edit region there: both would need channel routes.
            var isPrivate = plan.Kind == DeliveryPlanKind.Private;
            var body = new MessageBody
            {
                Content = Content(package, null, null),
                Components = hasResults ? ResultComponents.Buttons(job.Id, canDelete: false) : [],
            };
            if (progress.TokenAlive(origin) && (isPrivate || part < MaxFollowups))
            {
                var followup = await rest.CreateFollowupAsync(origin.InteractionToken!, isPrivate ? body with { Flags = MessageFlags.Ephemeral } : body, files, cancellationToken);
                return (followup.Id, followup.ChannelId, false);
            }

            // The token died (or its follow-ups ran out): the requester's DMs are the one place left.
            var dm = await rest.CreateDmChannelAsync(origin.UserId, cancellationToken);
            if (mayHavePosted && await finder.FindAsync(dm.Id, job.Id, package, origin.ResultsAsSpoilers, cancellationToken) is { } sent)
            {
                return (sent.Id, dm.Id, true);
            }

            try
            {
                var direct = await rest.CreateMessageAsync(
                    dm.Id, body with { Content = Content(package, DirectIntro(job, isPrivate), null), Nonce = Nonce(job, part), EnforceNonce = true }, files, cancellationToken);
                return (direct.Id, dm.Id, true);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCodes.CannotSendToUser)
            {
                throw new JobDeliveryRefusedException(
                    (isPrivate ? "The private answer expired before the edit finished" : "Discord's answer window closed before the edit finished")
                    + ", and your DMs are closed to me, so I could not deliver the results. Allow DMs from server members and try again.", e);
            }
        }

        var channelId = record.DestinationChannelId ?? plan.ChannelId;
        var first = part == 0;
        var mention = first && record.InThread && plan.Kind == DeliveryPlanKind.StartThread ? $"<@{origin.UserId}>" : null;
        var reply = first && !record.InThread && plan.AnchorMessageId is { } anchor
            ? new MessageReference { MessageId = anchor, ChannelId = plan.ChannelId, FailIfNotExists = false }
            : null;
        var message = new MessageBody
        {
            Content = Content(package, first ? record.FallbackReason : null, mention),
            Components = hasResults ? ResultComponents.Buttons(job.Id, canDelete: true) : [],
            MessageReference = reply,
            AllowedMentions = mention is null ? AllowedMentions.None : new AllowedMentions { Parse = [], Users = [origin.UserId] },
            // A crash after this post but before the delivery record is saved repeats the send: Discord then answers
            // with the message it already created instead of posting the results twice.
            Nonce = Nonce(job, part),
            EnforceNonce = true,
        };
        if (mayHavePosted && await finder.FindAsync(channelId, job.Id, package, origin.ResultsAsSpoilers, cancellationToken) is { } earlier)
        {
            return (earlier.Id, channelId, false);
        }

        var posted = await rest.CreateMessageAsync(channelId, message, files, cancellationToken);
        return (posted.Id, channelId, false);
    }

    /// <summary>Discord allows an interaction at most five follow-up messages where the app is not installed; the rest go to DMs.</summary>
    public const int MaxFollowups = 5;

    private static string DirectIntro(Job job, bool isPrivate) =>
        $"Your {(isPrivate ? "private " : "")}edit “{ProgressText.Shorten(job.Request.Prompt, 100)}” took longer than Discord lets me answer "
        + (isPrivate ? "privately" : "there") + ", so here it is in DMs.";

    private static string? Content(PackagedMessage package, string? reason, string? lead)
    {
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

    /// <summary>The same for every attempt to post part <paramref name="part"/> of this job: 20 hex digits of the job id and the part.</summary>
    public static string Nonce(Job job, int part)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"{job.Id.ToString("N")[12..]}-{part}";
    }
}

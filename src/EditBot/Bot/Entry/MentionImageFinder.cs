using EditBot.Bot.Delivery;
using EditBot.Bot.Intake;
using EditBot.Core.Engine;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;

namespace EditBot.Bot.Entry;

/// <summary>
/// Finds the image a mention means, in the order that works without the MESSAGE_CONTENT intent: a file on the
/// mentioning message; a result of ours replied to (from the blob store); the replied-to message as Discord sent it;
/// the replied-to message fetched again. A replied-to forward's image is in its snapshot (<see cref="MessageImages"/>).
/// Null means nothing usable: the caller answers with guidance.
/// </summary>
public sealed class MentionImageFinder(ResultMessages resultMessages, JobService jobs, DiscordRestClient rest)
{
    public async Task<ImageSource?> FindAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (FirstImage(message) is { } own)
        {
            return own;
        }

        if (message.MessageReference?.MessageId is not { } repliedTo)
        {
            return null;
        }

        if (await resultMessages.FindAsync(repliedTo, cancellationToken) is { } result
            && await jobs.GetAsync(result.JobId, cancellationToken) is { } job
            && result.ResultIndexes.Count > 0 && result.ResultIndexes[0] < job.ResultBlobs.Count)
        {
            return ImageSource.FromBlob(job.ResultBlobs[result.ResultIndexes[0]]);
        }

        if (message.ReferencedMessage is { } referenced && FirstImage(referenced) is { } inline)
        {
            return inline;
        }

        try
        {
            var channelId = message.MessageReference.ChannelId ?? message.ChannelId;
            var fetched = await rest.GetMessageAsync(channelId, repliedTo, cancellationToken);
            return FirstImage(fetched);
        }
        catch (DiscordApiException)
        {
            // Deleted, or not visible to the bot: the guidance covers it.
            return null;
        }
    }

    // Also a forward's image: replying to a forwarded picture means the picture.
    private static ImageSource? FirstImage(Message message) =>
        MessageImages.Of(message) is [var attachment, ..] ? ImageSource.FromUrl(attachment.Url!, attachment.Filename) : null;
}

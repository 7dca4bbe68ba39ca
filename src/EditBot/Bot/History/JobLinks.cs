using System.Globalization;
using EditBot.Bot.Delivery;
using EditBot.Core.Jobs;
using EditBot.Origin;

namespace EditBot.Bot.History;

/// <summary>
/// Where a past edit can be seen, as a Discord jump link (https://discord.com/channels/{guild id or @me}/{channel}/{message}):
/// its first result message once delivered, else its progress message or the message it was asked on. Ephemeral
/// answers (a private edit's, unless its results went to DMs) have no link: Discord cannot jump to them.
/// </summary>
public sealed class JobLinks(DeliveryRecords records, ResultMessages resultMessages)
{
    public async Task<JobLink?> FindAsync(Job job, DiscordOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(origin);
        var record = await records.GetAsync(job.Id, cancellationToken);
        foreach (var messageId in record.PostedMessageIds)
        {
            // Each message's own channel first: after a locked thread's fallback, the record names the parent channel
            // while earlier parts are in the thread.
            var channel = (await resultMessages.FindAsync(messageId, cancellationToken))?.ChannelId ?? record.DestinationChannelId;
            // Results through the interaction land in the channel it was asked in; anywhere else is the requester's DM.
            var inDirectMessages = record.SentToDirectMessages && channel != origin.ChannelId;
            if (channel is { } found && (inDirectMessages || !origin.Private))
            {
                return new JobLink(Url(inDirectMessages ? null : origin.GuildId, found, messageId), Results: true);
            }
        }

        // A private edit's answer is ephemeral; the message it was asked on (a command's target) can still be linked.
        bool Ephemeral(ulong id) => origin.Private && origin.ProgressIsOriginalResponse && id == origin.ProgressMessageId;
        var message = new[] { origin.ProgressMessageId, origin.ThreadAnchorMessageId }.OfType<ulong>().FirstOrDefault(id => !Ephemeral(id));
        return message != 0 ? new JobLink(Url(origin.GuildId, origin.ChannelId, message), Results: false) : null;
    }

    public static Uri Url(ulong? guildId, ulong channelId, ulong messageId) =>
        new(string.Create(CultureInfo.InvariantCulture, $"https://discord.com/channels/{(guildId is { } guild ? guild.ToString(CultureInfo.InvariantCulture) : "@me")}/{channelId}/{messageId}"));
}

/// <param name="Results">True when it leads to the results; false for the progress message or the message asked on.</param>
public sealed record JobLink(Uri Url, bool Results);

using EditBot.Discord.Models;
using EditBot.Origin;

namespace EditBot.Bot.Delivery;

/// <summary>The thread decision table: private, interaction only, DM, inside a thread, forum/media, missing permissions, or a new thread.</summary>
public static class ThreadPlanner
{
    public const ulong ThreadPermissions = DiscordPermissions.CreatePublicThreads | DiscordPermissions.SendMessagesInThreads;

    public static DeliveryPlan Plan(DiscordOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (origin.Private)
        {
            return new DeliveryPlan(DeliveryPlanKind.Private, origin.ChannelId, null);
        }

        if (origin.InteractionOnly)
        {
            return new DeliveryPlan(DeliveryPlanKind.Interaction, origin.ChannelId, null);
        }

        if (origin.IsDirectMessage || origin.ChannelType is ChannelType.DirectMessage)
        {
            return new DeliveryPlan(DeliveryPlanKind.ReplyInChannel, origin.ChannelId, origin.ThreadAnchorMessageId);
        }

        if (origin.ChannelType is ChannelType.AnnouncementThread or ChannelType.PublicThread or ChannelType.PrivateThread)
        {
            return new DeliveryPlan(DeliveryPlanKind.UseThread, origin.ChannelId, null);
        }

        if (origin.ChannelType is ChannelType.GuildForum or ChannelType.GuildMedia)
        {
            return Reply(origin, "This is a forum channel, where I can't start a thread on a message, so the results are here.");
        }

        if (origin.ChannelType is 2 or 13)
        {
            return Reply(origin, "Threads can't be started in a voice channel's chat, so the results are here.");
        }

        if (origin.AppPermissions is { } permissions && (permissions & ThreadPermissions) != ThreadPermissions)
        {
            return Reply(origin,
                "I don't have the Create Public Threads and Send Messages in Threads permissions here, so the results are in the channel. " +
                "A server admin can grant them to keep channels tidy.");
        }

        return origin.ThreadAnchorMessageId is { } anchor
            ? new DeliveryPlan(DeliveryPlanKind.StartThread, origin.ChannelId, anchor)
            : new DeliveryPlan(DeliveryPlanKind.ReplyInChannel, origin.ChannelId, null);
    }

    private static DeliveryPlan Reply(DiscordOrigin origin, string reason) =>
        new(DeliveryPlanKind.ReplyInChannel, origin.ChannelId, origin.ThreadAnchorMessageId, reason);
}

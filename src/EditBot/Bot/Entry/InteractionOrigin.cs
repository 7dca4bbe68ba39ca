using EditBot.Discord.Models;
using EditBot.Origin;

namespace EditBot.Bot.Entry;

/// <summary>Builds a job's <see cref="DiscordOrigin"/> and the requester's roles/permissions from an interaction.</summary>
public static class InteractionOrigin
{
    public static DiscordOrigin From(Interaction interaction, EntryKind entry, bool isPrivate, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new DiscordOrigin
        {
            Entry = entry,
            UserId = interaction.Invoker?.Id ?? 0,
            GuildId = interaction.GuildId,
            ChannelId = interaction.ChannelId ?? interaction.Channel?.Id ?? 0,
            ChannelType = interaction.Channel?.Type ?? (interaction.GuildId is null ? ChannelType.DirectMessage : null),
            ParentChannelId = interaction.Channel?.IsThread == true ? interaction.Channel.ParentId : null,
            ApplicationId = interaction.ApplicationId,
            InteractionId = interaction.Id,
            InteractionToken = interaction.Token,
            TokenIssuedAt = receivedAt,
            Private = isPrivate,
            AttachmentSizeLimit = interaction.AttachmentSizeLimit,
            AppPermissions = interaction.AppPermissions,
            UserInstallOnly = !interaction.ServerInstalled,
            FollowupsLimited = interaction.FollowupsLimited,
            InteractionOnly = !interaction.ServerInstalled || !CanPost(interaction),
        };
    }

    /// <summary>Whether the bot may post channel messages where the interaction happened (unknown permissions: assumed so).</summary>
    private static bool CanPost(Interaction interaction) =>
        interaction.GuildId is null || interaction.AppPermissions is not { } permissions
        || DiscordPermissions.Has(permissions, DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages);

    public static (IReadOnlyList<ulong> RoleIds, ulong Permissions) Requester(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return (interaction.Member?.Roles ?? [], interaction.Member?.Permissions ?? 0);
    }

    /// <summary>The requester themselves, or a member allowed to manage messages in the channel.</summary>
    public static bool IsRequesterOrModerator(Interaction interaction, DiscordOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(origin);
        return interaction.Invoker?.Id == origin.UserId
            || DiscordPermissions.Has(interaction.Member?.Permissions, DiscordPermissions.ManageMessages);
    }
}

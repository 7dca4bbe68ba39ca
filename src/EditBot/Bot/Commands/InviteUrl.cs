using System.Globalization;
using EditBot.Discord.Models;

namespace EditBot.Bot.Commands;

/// <summary>The OAuth2 URL that adds the bot to a server with exactly the permissions it needs.</summary>
public static class InviteUrl
{
    public static Uri For(ulong applicationId) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"https://discord.com/oauth2/authorize?client_id={applicationId}&permissions={DiscordPermissions.BotNeeds}&integration_type=0&scope=bot+applications.commands"));
}

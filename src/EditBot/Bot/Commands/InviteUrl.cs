using System.Globalization;
using EditBot.Discord.Models;

namespace EditBot.Bot.Commands;

/// <summary>The OAuth2 URLs that install the app: to a server (the bot, with exactly the permissions it needs), or to a person's account.</summary>
public static class InviteUrl
{
    /// <summary>Server install: adds the bot user with its permissions and the commands.</summary>
    public static Uri For(ulong applicationId) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"https://discord.com/oauth2/authorize?client_id={applicationId}&permissions={DiscordPermissions.BotNeeds}&integration_type=0&scope=bot+applications.commands"));

    /// <summary>User install: the commands follow the person into any server, DM or group DM (no bot user, no permissions).</summary>
    public static Uri ForUser(ulong applicationId) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"https://discord.com/oauth2/authorize?client_id={applicationId}&integration_type=1&scope=applications.commands"));
}

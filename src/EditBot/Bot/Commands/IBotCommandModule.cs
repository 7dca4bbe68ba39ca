using EditBot.Bot.Events;
using EditBot.Discord.Models;

namespace EditBot.Bot.Commands;

/// <summary>
/// Another top-level command (e.g. /editbot-admin): registered with the bot's commands in one bulk overwrite (so
/// neither removes the other), with its interactions mapped into the one routing table like every other handler.
/// </summary>
public interface IBotCommandModule : IInteractionModule
{
    IReadOnlyList<ApplicationCommand> Commands { get; }
}

using EditBot.Discord.Interactions;
using EditBot.Discord.Models;

namespace EditBot.Bot.Commands;

/// <summary>
/// Another top-level command (e.g. /editbot-admin): registered with the bot's commands in one bulk overwrite (so
/// neither removes the other) and handed the interactions the bot's own handlers don't take.
/// </summary>
public interface IBotCommandModule
{
    IReadOnlyList<ApplicationCommand> Commands { get; }

    /// <summary>True for interactions of this module (its command names, its custom_id prefix).</summary>
    bool CanHandle(Interaction interaction);

    Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken);
}

using EditBot.Bot.Intake;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;

namespace EditBot.Bot.Entry;

/// <summary>Where <c>/edit region:draw</c> goes: the mask editor, which answers with a link to draw the region.</summary>
public interface IDrawnRegionEntry
{
    Task HandleSlashAsync(Interaction interaction, InteractionResponder responder, EditInput input, bool isPrivate, CancellationToken cancellationToken);
}

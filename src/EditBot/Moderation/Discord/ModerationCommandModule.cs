using EditBot.Bot.Commands;
using EditBot.Bot.Events;
using EditBot.Discord.Models;

namespace EditBot.Moderation.Discord;

/// <summary>
/// The moderation layer's part of the Discord bot: the /editbot-admin command, and the review buttons and modal
/// ("eb:approve:…", "eb:reject:…", "eb:rejectwhy:…"), mapped into the bot's one routing table.
/// </summary>
public sealed class ModerationCommandModule(AdminCommandHandler admin, ReviewButtonHandler review) : IBotCommandModule
{
    public IReadOnlyList<ApplicationCommand> Commands { get; } = [AdminCommandDefinition.Command()];

    public void MapRoutes(InteractionRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes
            .Command(AdminCommandDefinition.Name, admin.HandleAsync)
            .Autocomplete(AdminCommandDefinition.Name, (_, responder, ct) => responder.AutocompleteAsync([], ct))
            .Components(review.HandleAsync, ReviewActions.Approve, ReviewActions.Reject, ReviewActions.RejectReason);
    }
}

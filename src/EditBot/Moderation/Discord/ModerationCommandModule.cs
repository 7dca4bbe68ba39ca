using EditBot.Bot.Commands;
using EditBot.Bot.Components;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;

namespace EditBot.Moderation.Discord;

/// <summary>
/// The moderation layer's part of the Discord bot: the /editbot-admin command, and the review buttons and modal
/// ("eb:approve:…", "eb:reject:…", "eb:rejectwhy:…"). The experience's router hands these over.
/// </summary>
public sealed class ModerationCommandModule(AdminCommandHandler admin, ReviewButtonHandler review) : IBotCommandModule
{
    public IReadOnlyList<ApplicationCommand> Commands { get; } = [AdminCommandDefinition.Command()];

    public bool CanHandle(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.Type switch
        {
            InteractionType.ApplicationCommand or InteractionType.Autocomplete => interaction.Data?.Name == AdminCommandDefinition.Name,
            InteractionType.MessageComponent or InteractionType.ModalSubmit =>
                CustomId.TryParse(interaction.Data?.CustomId, out var id) && ReviewActions.IsReviewAction(id.Action),
            _ => false,
        };
    }

    public Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        if (interaction.Type == InteractionType.Autocomplete)
        {
            return responder.AutocompleteAsync([], cancellationToken);
        }

        return CustomId.TryParse(interaction.Data?.CustomId, out var id)
            ? review.HandleAsync(interaction, id, responder, cancellationToken)
            : admin.HandleAsync(interaction, responder, cancellationToken);
    }
}

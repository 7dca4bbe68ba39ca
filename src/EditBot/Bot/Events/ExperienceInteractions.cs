using EditBot.Bot.Commands;
using EditBot.Bot.Components;
using EditBot.Bot.Entry;

namespace EditBot.Bot.Events;

/// <summary>The experience's own handlers: /edit, Apps → Edit image (and its select and modal), /editbot, and the job buttons.</summary>
public sealed class ExperienceInteractions(
    SlashEditHandler slashEdit, MessageCommandHandler messageCommand, EditbotCommandHandler editbot, JobButtonHandler buttons) : IInteractionModule
{
    public void MapRoutes(InteractionRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes
            .Command(BotCommands.Edit, slashEdit.HandleAsync)
            .Command(MessageCommandHandler.CommandName, messageCommand.HandleCommandAsync)
            .Command(EditbotCommandHandler.CommandName, editbot.HandleAsync)
            .Autocomplete(EditbotCommandHandler.CommandName, editbot.AutocompleteAsync)
            .Component(CustomId.PickTarget, messageCommand.HandlePickAsync)
            .Component(CustomId.TargetModal, messageCommand.HandleModalAsync)
            .Components(
                buttons.HandleAsync,
                CustomId.Cancel, CustomId.Reroll, CustomId.EditThis, CustomId.Delete, CustomId.PickResult, CustomId.Refine, CustomId.Resend);
    }
}

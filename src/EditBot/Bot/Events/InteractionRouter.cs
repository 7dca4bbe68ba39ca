using EditBot.Bot.Commands;
using EditBot.Bot.Components;
using EditBot.Bot.Entry;
using EditBot.Discord.Events;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace EditBot.Bot.Events;

/// <summary>
/// Sends each interaction to its handler: commands by name, components and modals by custom_id, the rest to the
/// registered modules. A failing handler is logged (never the token) and the person gets an ephemeral apology.
/// </summary>
public sealed partial class InteractionRouter(
    InteractionResponderFactory responders,
    DiscordApplicationIdCache applicationId,
    SlashEditHandler slashEdit,
    MessageCommandHandler messageCommand,
    EditbotCommandHandler editbot,
    JobButtonHandler buttons,
    IEnumerable<IBotCommandModule> modules,
    ILogger<InteractionRouter> logger)
{
    private const string Apology = "Sorry, something went wrong on my side. Please try again in a moment.";
    private readonly IBotCommandModule[] _modules = [.. modules];

    public async Task RouteAsync(Interaction interaction, DiscordEvent? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Type == InteractionType.Ping)
        {
            return;
        }

        if (applicationId.Value is null && interaction.ApplicationId != 0)
        {
            applicationId.Set(interaction.ApplicationId);
        }

        var responder = responders.Create(interaction, source);
        try
        {
            await DispatchAsync(interaction, responder, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, error, interaction.Id, interaction.Type, interaction.Data?.Name ?? interaction.Data?.CustomId);
            await ApologizeAsync(interaction, responder);
        }
    }

    private Task DispatchAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        var data = interaction.Data;
        var module = Array.Find(_modules, m => m.CanHandle(interaction));
        if (module is not null)
        {
            return module.HandleAsync(interaction, responder, cancellationToken);
        }

        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand when data?.Name == BotCommands.Edit:
                return slashEdit.HandleAsync(interaction, responder, cancellationToken);
            case InteractionType.ApplicationCommand when data?.Name == MessageCommandHandler.CommandName:
                return messageCommand.HandleCommandAsync(interaction, responder, cancellationToken);
            case InteractionType.ApplicationCommand when data?.Name == EditbotCommandHandler.CommandName:
                return editbot.HandleAsync(interaction, responder, cancellationToken);
            case InteractionType.Autocomplete when data?.Name == EditbotCommandHandler.CommandName:
                return editbot.AutocompleteAsync(interaction, responder, cancellationToken);
            case InteractionType.MessageComponent or InteractionType.ModalSubmit when CustomId.TryParse(data?.CustomId, out var id):
                return id.Action switch
                {
                    CustomId.PickTarget => messageCommand.HandlePickAsync(interaction, id, responder, cancellationToken),
                    CustomId.TargetModal => messageCommand.HandleModalAsync(interaction, id, responder, cancellationToken),
                    _ => buttons.HandleAsync(interaction, id, responder, cancellationToken),
                };
            case InteractionType.Autocomplete:
                return responder.AutocompleteAsync([], cancellationToken);
            default:
                return InteractionReplies.EphemeralAsync(responder, "I don't know that command any more; it may have been removed.", cancellationToken);
        }
    }

    private async Task ApologizeAsync(Interaction interaction, InteractionResponder responder)
    {
        if (interaction.Type == InteractionType.Autocomplete)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await InteractionReplies.EphemeralAsync(responder, Apology, timeout.Token);
        }
        catch (Exception error) when (error is DiscordApiException or HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            LogApologyFailed(logger, interaction.Id, error.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} (type {Type}, {Name}) failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception error, ulong interactionId, int type, string? name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user about the failure of interaction {InteractionId} ({Error})")]
    private static partial void LogApologyFailed(ILogger logger, ulong interactionId, string error);
}

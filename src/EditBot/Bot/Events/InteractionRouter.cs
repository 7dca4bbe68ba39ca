using EditBot.Bot.Components;
using EditBot.Bot.Delivery;
using EditBot.Bot.Entry;
using EditBot.Discord.Events;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace EditBot.Bot.Events;

/// <summary>
/// Sends each interaction to its handler through the one <see cref="InteractionRoutes"/> table every
/// <see cref="IInteractionModule"/> maps into (built, and checked for names claimed twice, when the router is made at
/// start-up). A failing handler is logged (never the token) and the person gets an ephemeral apology.
/// </summary>
public sealed partial class InteractionRouter
{
    private const string Apology = "Sorry, something went wrong on my side. Please try again in a moment.";
    private readonly InteractionResponderFactory _responders;
    private readonly DiscordApplicationIdCache _applicationId;
    private readonly GuildUploadLimits _uploadLimits;
    private readonly ILogger<InteractionRouter> _logger;
    private readonly InteractionRoutes _routes = new();

    public InteractionRouter(
        InteractionResponderFactory responders,
        DiscordApplicationIdCache applicationId,
        GuildUploadLimits uploadLimits,
        IEnumerable<IInteractionModule> modules,
        ILogger<InteractionRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(modules);
        _responders = responders;
        _applicationId = applicationId;
        _uploadLimits = uploadLimits;
        _logger = logger;
        foreach (var module in modules)
        {
            module.MapRoutes(_routes);
        }
    }

    public async Task RouteAsync(Interaction interaction, DiscordEvent? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Type == InteractionType.Ping)
        {
            return;
        }

        if (_applicationId.Value is null && interaction.ApplicationId != 0)
        {
            _applicationId.Set(interaction.ApplicationId);
        }

        var responder = _responders.Create(interaction, source);
        try
        {
            await DispatchAsync(interaction, responder, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(_logger, error, interaction.Id, interaction.Type, interaction.Data?.Name ?? interaction.Data?.CustomId);
            await ApologizeAsync(interaction, responder);
        }

        try
        {
            // After the handler, which had Discord's 3 s to answer: a mention in this server later uploads as much.
            await _uploadLimits.RememberAsync(interaction, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUploadLimitNotSaved(_logger, error, interaction.GuildId);
        }
    }

    private Task DispatchAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        var data = interaction.Data;
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand when _routes.TryCommand(data?.Name, out var command):
                return command(interaction, responder, cancellationToken);
            case InteractionType.Autocomplete when _routes.TryAutocomplete(data?.Name, out var autocomplete):
                return autocomplete(interaction, responder, cancellationToken);
            case InteractionType.Autocomplete:
                return responder.AutocompleteAsync([], cancellationToken);
            case InteractionType.MessageComponent or InteractionType.ModalSubmit when CustomId.TryParse(data?.CustomId, out var id):
                return _routes.TryComponent(id.Action, out var component)
                    ? component(interaction, id, responder, cancellationToken)
                    : InteractionReplies.EphemeralAsync(responder, "That button is no longer supported.", cancellationToken);
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
            LogApologyFailed(_logger, interaction.Id, error.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the upload limit of guild {GuildId}; its mentions keep the one known before")]
    private static partial void LogUploadLimitNotSaved(ILogger logger, Exception error, ulong? guildId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} (type {Type}, {Name}) failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception error, ulong interactionId, int type, string? name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user about the failure of interaction {InteractionId} ({Error})")]
    private static partial void LogApologyFailed(ILogger logger, ulong interactionId, string error);
}

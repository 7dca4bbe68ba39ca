using EditBot.Bot.Components;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;

namespace EditBot.Bot.Events;

/// <summary>Handles an application command or its autocomplete.</summary>
public delegate Task CommandHandler(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken);

/// <summary>Handles a button, select or modal by the action of its custom_id.</summary>
public delegate Task ComponentHandler(Interaction interaction, CustomId id, InteractionResponder responder, CancellationToken cancellationToken);

/// <summary>
/// Who handles which interaction: commands and autocomplete by command name, buttons, selects and modals by the action
/// of their custom_id ("eb:{action}:…"). Every handler is registered here the same way, by an
/// <see cref="IInteractionModule"/>; a name or action claimed twice is refused when the table is built (at start-up),
/// naming it, so two modules can never silently shadow each other.
/// </summary>
public sealed class InteractionRoutes
{
    private readonly Dictionary<string, CommandHandler> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommandHandler> _autocomplete = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ComponentHandler> _components = new(StringComparer.Ordinal);

    public InteractionRoutes Command(string name, CommandHandler handler) => Add(_commands, "command", name, handler);

    public InteractionRoutes Autocomplete(string name, CommandHandler handler) => Add(_autocomplete, "autocomplete of", name, handler);

    public InteractionRoutes Component(string action, ComponentHandler handler) => Add(_components, "custom_id action", action, handler);

    /// <summary>The same handler for several custom_id actions.</summary>
    public InteractionRoutes Components(ComponentHandler handler, params string[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions)
        {
            Component(action, handler);
        }

        return this;
    }

    public bool TryCommand(string? name, out CommandHandler handler) => TryGet(_commands, name, out handler);

    public bool TryAutocomplete(string? name, out CommandHandler handler) => TryGet(_autocomplete, name, out handler);

    public bool TryComponent(string? action, out ComponentHandler handler) => TryGet(_components, action, out handler);

    private InteractionRoutes Add<T>(Dictionary<string, T> table, string kind, string key, T handler)
        where T : Delegate
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(handler);
        if (!table.TryAdd(key, handler))
        {
            throw new InvalidOperationException($"The {kind} '{key}' is claimed twice: by {Describe(table[key])} and by {Describe(handler)}.");
        }

        return this;
    }

    private static bool TryGet<T>(Dictionary<string, T> table, string? key, out T handler)
        where T : class
    {
        handler = null!;
        return key is not null && table.TryGetValue(key, out handler!);
    }

    private static string Describe(Delegate handler) => $"{handler.Method.DeclaringType?.Name}.{handler.Method.Name}";
}

/// <summary>A part of the bot that handles interactions: it maps its commands and custom_id actions into the one table.</summary>
public interface IInteractionModule
{
    void MapRoutes(InteractionRoutes routes);
}

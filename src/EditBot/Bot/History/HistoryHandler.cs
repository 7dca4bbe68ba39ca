using EditBot.Bot.Components;
using EditBot.Bot.Entry;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;

namespace EditBot.Bot.History;

/// <summary>
/// /editbot history and its Previous/Next buttons. A page lists the edits of whoever asks or presses, so a press needs
/// no owner check (the answer is ephemeral anyway); the position comes from the button, the edits from the store.
/// </summary>
public sealed class HistoryHandler(HistoryReader reader, HistoryMessage message)
{
    public async Task ShowAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        // A page is a list, two counts and up to 20 key-value reads: on a loaded store that may outlast Discord's 3 s.
        await responder.DeferAsync(ephemeral: true, cancellationToken);
        var page = await reader.ReadAsync(interaction.Invoker?.Id ?? 0, null, cancellationToken);
        await responder.EditOriginalAsync(await message.RenderAsync(page, cancellationToken), cancellationToken: cancellationToken);
    }

    /// <summary>Previous or Next: the history message is replaced by the page the button names.</summary>
    public async Task PageAsync(Interaction interaction, CustomId id, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(responder);
        if (!HistoryPageKey.TryParse(id.Key, out var key))
        {
            await InteractionReplies.EphemeralAsync(responder, "That button is no longer supported.", cancellationToken);
            return;
        }

        await responder.DeferUpdateAsync(cancellationToken);
        var page = await reader.ReadAsync(interaction.Invoker?.Id ?? 0, key, cancellationToken);
        await responder.EditOriginalAsync(await message.RenderAsync(page, cancellationToken), cancellationToken: cancellationToken);
    }
}

using EditBot.Discord.Events;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Interactions;

/// <summary>Creates the <see cref="InteractionResponder"/> of each incoming interaction.</summary>
public sealed class InteractionResponderFactory(DiscordRestClient rest, TimeProvider timeProvider, ILogger<InteractionResponder> logger)
{
    public InteractionResponder Create(ulong interactionId, string token, HttpInteractionReply? httpReply = null) =>
        new(rest, interactionId, token, httpReply, timeProvider, logger);

    /// <summary>For an interaction parsed from <paramref name="source"/>: uses its HTTP reply when it came over HTTP.</summary>
    public InteractionResponder Create(Interaction interaction, DiscordEvent? source = null)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new(rest, interaction.Id, interaction.Token, source?.HttpReply, timeProvider, logger);
    }
}

using System.Text.Json;
using EditBot.Discord.Events;
using EditBot.Discord.Models;

namespace EditBot.Discord.Interactions;

/// <summary>Reads interaction payloads (INTERACTION_CREATE's <c>d</c>, or the HTTP endpoint's body) into models.</summary>
public static class InteractionParser
{
    /// <exception cref="JsonException">The bytes are not an interaction object.</exception>
    public static Interaction Parse(ReadOnlyMemory<byte> json) =>
        JsonSerializer.Deserialize(json.Span, DiscordJsonContext.Default.Interaction)
        ?? throw new JsonException("The interaction payload was null.");

    public static Interaction Parse(DiscordEvent discordEvent)
    {
        ArgumentNullException.ThrowIfNull(discordEvent);
        return Parse(discordEvent.Data);
    }

    /// <summary>Reads a MESSAGE_CREATE (or fetched message) payload.</summary>
    public static Message ParseMessage(ReadOnlyMemory<byte> json) =>
        JsonSerializer.Deserialize(json.Span, DiscordJsonContext.Default.Message)
        ?? throw new JsonException("The message payload was null.");
}

using EditBot.Discord.Interactions;
using EditBot.Discord.Models;

namespace EditBot.Discord.Events;

/// <summary>The dispatch names the bot acts on, spelled once.</summary>
public static class DiscordEventNames
{
    public const string Ready = "READY";
    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string MessageCreate = "MESSAGE_CREATE";
}

/// <summary>An inbound event the bot acts on, parsed and typed (see <see cref="DiscordEventDecoder"/>).</summary>
public abstract record TypedDiscordEvent;

/// <summary>READY: who the bot is.</summary>
public sealed record ReadyEvent(ulong? UserId, ulong? ApplicationId) : TypedDiscordEvent;

/// <summary>An interaction from either transport; <see cref="Source"/> carries the HTTP reply when it came over HTTP.</summary>
public sealed record InteractionCreatedEvent(Interaction Interaction, DiscordEvent Source) : TypedDiscordEvent;

/// <summary>A message was posted where the bot can see it.</summary>
public sealed record MessageCreatedEvent(Message Message) : TypedDiscordEvent;

/// <summary>Turns a raw <see cref="DiscordEvent"/> into its typed form; null for dispatches the bot does not act on.</summary>
public static class DiscordEventDecoder
{
    /// <exception cref="System.Text.Json.JsonException">The payload is not what Discord sends for that dispatch.</exception>
    public static TypedDiscordEvent? Decode(DiscordEvent discordEvent)
    {
        ArgumentNullException.ThrowIfNull(discordEvent);
        switch (discordEvent.Type)
        {
            case DiscordEventNames.Ready:
                var (userId, applicationId) = ReadyReader.Read(discordEvent.Data);
                return new ReadyEvent(userId, applicationId);
            case DiscordEventNames.InteractionCreate:
                return new InteractionCreatedEvent(InteractionParser.Parse(discordEvent), discordEvent);
            case DiscordEventNames.MessageCreate:
                return new MessageCreatedEvent(InteractionParser.ParseMessage(discordEvent.Data));
            default:
                return null;
        }
    }
}

namespace EditBot.Discord.Models;

/// <summary>What <c>?with_response=true</c> returns: the interaction and, for message responses, the message.</summary>
public sealed record InteractionCallbackResult
{
    public InteractionCallbackInteraction? Interaction { get; init; }

    public InteractionCallbackResource? Resource { get; init; }
}

namespace EditBot.Discord.Models;

/// <summary>The <c>resource</c> part of <see cref="InteractionCallbackResult"/>.</summary>
public sealed record InteractionCallbackResource
{
    public int Type { get; init; }

    public Message? Message { get; init; }
}

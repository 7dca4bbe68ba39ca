namespace EditBot.Discord.Models;

/// <summary>The <c>interaction</c> part of <see cref="InteractionCallbackResult"/>.</summary>
public sealed record InteractionCallbackInteraction
{
    public ulong Id { get; init; }

    public int Type { get; init; }

    public ulong? ResponseMessageId { get; init; }

    public bool? ResponseMessageLoading { get; init; }

    public bool? ResponseMessageEphemeral { get; init; }
}

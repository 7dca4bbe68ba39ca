namespace EditBot.Discord.Models;

/// <summary>The body of an interaction callback.</summary>
public sealed record InteractionResponse
{
    /// <summary>See <see cref="InteractionCallbackType"/>.</summary>
    public int Type { get; init; }

    public InteractionCallbackData? Data { get; init; }
}

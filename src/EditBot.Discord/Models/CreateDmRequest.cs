namespace EditBot.Discord.Models;

public sealed record CreateDmRequest
{
    public ulong RecipientId { get; init; }
}

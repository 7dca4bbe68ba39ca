namespace EditBot.Discord.Models;

public sealed record SessionStartLimit
{
    public int Total { get; init; }

    public int Remaining { get; init; }

    /// <summary>Milliseconds until the 24 h identify budget resets.</summary>
    public long ResetAfter { get; init; }

    public int MaxConcurrency { get; init; }
}

namespace EditBot.Moderation;

/// <summary>A server's usage for the current UTC day, and one member's share of it.</summary>
public sealed record UsageSnapshot(int UserEditsToday, int ServerImagesToday, decimal ServerCostTodayUsd, DateTimeOffset? UserLastRequestAt)
{
    public static UsageSnapshot None { get; } = new(0, 0, 0m, null);
}

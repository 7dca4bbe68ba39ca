namespace EditBot.Core.Cluster;

/// <summary>
/// A budget this process spends that is one budget for the whole deployment; every live instance with the role takes
/// an equal share. Registered by the layer that spends it.
/// </summary>
public sealed record ClusterRole(string Name)
{
    /// <summary>Discord's global request rate: one per bot token, whatever the number of processes.</summary>
    public static ClusterRole DiscordRequests { get; } = new("discord-requests");

    /// <summary>Status polls of GMI's queue (<c>Engine:PollBudgetPerSecond</c>).</summary>
    public static ClusterRole StatusPolls { get; } = new("status-polls");
}

namespace EditBot.TestSupport.Polling;

/// <summary>Poll times (seconds after submission, while the job is not yet seen done) and what they cost on average.</summary>
public sealed record PollSchedule(IReadOnlyList<double> Times, double MeanPolls, double MeanDelay)
{
    /// <summary>E[detection delay] + λ·E[polls].</summary>
    public double Cost(double pollCost) => MeanDelay + (pollCost * MeanPolls);

    /// <summary>This schedule as the frontier's point for λ = <paramref name="pollCost"/>.</summary>
    public FrontierPoint At(double pollCost) => new(pollCost, MeanPolls, MeanDelay);
}

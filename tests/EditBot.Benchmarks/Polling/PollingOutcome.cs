namespace EditBot.Benchmarks.Polling;

/// <summary>One strategy's figures over the simulated jobs.</summary>
public sealed record PollingOutcome(string Strategy, double PollsPerJob, double MeanDelaySeconds, double P95DelaySeconds);

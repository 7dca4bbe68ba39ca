namespace EditBot.Core.Polling;

/// <summary>The knobs of <see cref="AdaptivePollingPolicy"/> (taken from the engine options).</summary>
/// <param name="MinInterval">Never poll one job more often than this.</param>
/// <param name="MaxInterval">Never leave one job unpolled longer than this.</param>
/// <param name="PollCost">Seconds of expected detection delay one saved poll is worth.</param>
/// <param name="TailBackoffFactor">Interval growth per poll once past the expected p95.</param>
public sealed record PollingSettings(TimeSpan MinInterval, TimeSpan MaxInterval, TimeSpan PollCost, double TailBackoffFactor);

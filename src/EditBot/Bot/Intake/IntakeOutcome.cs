using EditBot.Core.Jobs;

namespace EditBot.Bot.Intake;

/// <summary>The end of intake: a queued job, or a refusal to show the requester (ephemerally where possible).</summary>
public sealed record IntakeOutcome(Job? Job, string? Refusal)
{
    public static IntakeOutcome Refused(string message) => new(null, message);

    public bool IsAccepted => Job is not null;
}

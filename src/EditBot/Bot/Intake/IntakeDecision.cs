using EditBot.Moderation;

namespace EditBot.Bot.Intake;

/// <summary>
/// A policy's answer at intake. <see cref="RefusalMessage"/> set: refused, shown to the requester as is.
/// <see cref="NeedsReview"/>: the job waits for a moderator. <see cref="Moderation"/> is kept in the job's
/// origin so the rules can check again before submitting.
/// <see cref="ScopeGuildId"/>: the server whose limits the job counts against when that is not where it was asked
/// for (a server's result re-rolled from a DM).
/// </summary>
public sealed record IntakeDecision(
    string? RefusalMessage = null,
    bool NeedsReview = false,
    bool ResultsAsSpoilers = false,
    ModerationContext? Moderation = null,
    ulong? ScopeGuildId = null)
{
    public static IntakeDecision Allow { get; } = new();

    public static IntakeDecision Refuse(string message) => new(RefusalMessage: message);

    public bool IsRefused => RefusalMessage is not null;
}

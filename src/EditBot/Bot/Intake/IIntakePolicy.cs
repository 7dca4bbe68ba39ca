namespace EditBot.Bot.Intake;

/// <summary>
/// The one seam where server rules decide about a request before it is queued (refuse with a message, require
/// review, show results as spoilers). The default allows everything; the host replaces it with moderation.
/// </summary>
public interface IIntakePolicy
{
    ValueTask<IntakeDecision> CheckAsync(IntakeContext context, CancellationToken cancellationToken);
}

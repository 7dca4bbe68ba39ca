namespace EditBot.Bot.Intake;

/// <summary>No server rules: every request goes ahead.</summary>
public sealed class AllowAllIntakePolicy : IIntakePolicy
{
    public ValueTask<IntakeDecision> CheckAsync(IntakeContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(IntakeDecision.Allow);
}

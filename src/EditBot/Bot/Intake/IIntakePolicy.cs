namespace EditBot.Bot.Intake;

/// <summary>
/// The one seam where server rules decide about a request before it is queued (refuse with a message, require
/// review, show results as spoilers). The default allows everything; the host replaces it with moderation.
/// </summary>
public interface IIntakePolicy
{
    ValueTask<IntakeDecision> CheckAsync(IntakeContext context, CancellationToken cancellationToken);

    /// <summary>The server's own default size and quality for requests that name none; nulls for the bot's defaults.</summary>
    ValueTask<(string? Size, string? Quality)> DefaultsAsync(ulong? guildId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<(string?, string?)>((null, null));
}

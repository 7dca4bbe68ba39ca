using EditBot.Bot.Intake;
using EditBot.Core.Jobs;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Origin;

namespace EditBot.Bot.Entry;

/// <summary>
/// The interaction side of intake, shared by /edit, the message command and the result buttons: defer, run intake,
/// turn the deferred answer into the progress message (and the thread anchor for slash commands), or refuse.
/// </summary>
public sealed class DeferredIntake(EditIntake intake)
{
    /// <param name="anchorOnAnswer">True when the thread starts on the answer (slash, buttons); false when the origin names its anchor.</param>
    /// <param name="source">The job whose result's buttons started this request (its rules still apply); null otherwise.</param>
    public async Task<IntakeOutcome> RunAsync(
        Interaction interaction, InteractionResponder responder, EditInput input, DiscordOrigin origin, bool anchorOnAnswer, CancellationToken cancellationToken,
        Job? source = null)
    {
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(origin);
        await responder.DeferAsync(origin.Private, cancellationToken);
        var outcome = await intake.SubmitAsync(
            input, origin, InteractionOrigin.Requester(interaction),
            async (accepted, ct) =>
            {
                // Read rather than edited, so the first progress edit is the observer's.
                var answer = await responder.GetOriginalOnceCreatedAsync(ct);
                return accepted with
                {
                    ProgressMessageId = answer.Id,
                    ProgressIsOriginalResponse = true,
                    ThreadAnchorMessageId = anchorOnAnswer ? answer.Id : accepted.ThreadAnchorMessageId,
                };
            },
            source,
            cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            await InteractionReplies.RefuseAfterDeferAsync(responder, origin.Private, refusal, cancellationToken);
        }

        return outcome;
    }
}

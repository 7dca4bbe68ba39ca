using EditBot.Discord.Interactions;
using EditBot.Discord.Models;

namespace EditBot.Bot.Entry;

/// <summary>Ephemeral answers that work whatever was already sent (nothing yet, a defer, or a public defer to take back).</summary>
public static class InteractionReplies
{
    public static Task EphemeralAsync(InteractionResponder responder, string text, CancellationToken cancellationToken) =>
        EphemeralAsync(responder, new MessageBody { Content = text }, cancellationToken);

    public static async Task EphemeralAsync(InteractionResponder responder, MessageBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responder);
        if (!responder.HasResponded)
        {
            await responder.RespondAsync(body, ephemeral: true, cancellationToken: cancellationToken);
        }
        else
        {
            await responder.FollowupAsync(body, ephemeral: true, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// A refusal after a defer: an ephemeral defer is simply edited; a public one is deleted and the refusal follows
    /// ephemerally, so only the requester sees what went wrong.
    /// </summary>
    public static async Task RefuseAfterDeferAsync(InteractionResponder responder, bool deferredEphemeral, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responder);
        if (deferredEphemeral)
        {
            await responder.EditOriginalAsync(new MessageBody { Content = text, Components = [] }, cancellationToken: cancellationToken);
            return;
        }

        await responder.DeleteOriginalAsync(cancellationToken);
        await responder.FollowupAsync(new MessageBody { Content = text }, ephemeral: true, cancellationToken: cancellationToken);
    }
}

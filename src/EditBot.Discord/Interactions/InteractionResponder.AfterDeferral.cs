using EditBot.Common.Retry;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Interactions;

/// <summary>
/// The handler's first answer after the interactions endpoint already acknowledged with a deferral on its behalf
/// (the handler was slower than the reply timeout). Discord refuses a second acknowledgement (40060), so each answer
/// becomes the webhook call that shows the person the same thing.
/// </summary>
public sealed partial class InteractionResponder
{
    /// <summary>Shown instead of a modal that came too late to open (a modal can only be a first answer).</summary>
    public const string ModalTooLate = "Sorry, I took too long to open the form. Please try again.";

    /// <summary>How many times a call waiting for Discord to create the answer (or its webhook) is made.</summary>
    private const int CreationLookups = 10;

    /// <summary>The waits between those calls: 100 ms doubling to 1.6 s, jittered (9 waits, each half to all of its ceiling: 4.75 to 9.5 s in all).</summary>
    private static readonly Backoff CreationBackoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1600));

    // Content of the stand-in for a deferred answer when the endpoint's deferral created no message of its own.
    private const string Working = "Working on it…";

    private async Task<InteractionCallbackResult?> AfterEndpointDeferralAsync(
        int deferredAs, InteractionResponse response, IReadOnlyList<DiscordFile>? files, CancellationToken cancellationToken)
    {
        // After 5 @original is the new "thinking…" message (public: the endpoint cannot know the handler wanted it
        // ephemeral); after 6 it is the component's own message and nothing new exists.
        var thinking = deferredAs == InteractionCallbackType.DeferredChannelMessage;
        var ephemeral = ((response.Data?.Flags ?? 0) & MessageFlags.Ephemeral) != 0;
        Message? message = null;
        switch (response.Type)
        {
            case InteractionCallbackType.ChannelMessage when thinking && !ephemeral:
            case InteractionCallbackType.UpdateMessage:
                message = await OnceDeferralLandedAsync(() => _rest.EditOriginalResponseAsync(Token, BodyOf(response.Data), files, cancellationToken), cancellationToken);
                break;
            case InteractionCallbackType.ChannelMessage:
                message = await ReplaceThinkingAsync(thinking, BodyOf(response.Data) with { Flags = response.Data?.Flags }, files, cancellationToken);
                break;
            case InteractionCallbackType.DeferredChannelMessage when !thinking || ephemeral:
                message = await ReplaceThinkingAsync(thinking, new MessageBody { Content = Working, Flags = ephemeral ? MessageFlags.Ephemeral : null }, null, cancellationToken);
                break;
            case InteractionCallbackType.DeferredUpdateMessage when thinking:
                // Nothing visible was meant: take the endpoint's "thinking…" away.
                await DeleteThinkingAsync(cancellationToken);
                break;
            case InteractionCallbackType.Modal:
                // Only the person who pressed can retry: the apology is theirs alone, and a public "thinking…" goes.
                message = await ReplaceThinkingAsync(
                    thinking, new MessageBody { Content = ModalTooLate, Flags = MessageFlags.Ephemeral, AllowedMentions = AllowedMentions.None }, null, cancellationToken);
                break;
            default:
                // A public defer after a public deferral, a deferred update after a deferred update, or autocomplete
                // (answered with no choices): already done.
                break;
        }

        _logger.LogInformation(
            "Interaction {InteractionId}: callback type {Type} came after the endpoint's deferral (type {Deferral}); sent over the interaction webhook",
            InteractionId, response.Type, deferredAs);
        return message is null ? null : new InteractionCallbackResult { Resource = new() { Type = response.Type, Message = message } };
    }

    /// <summary>
    /// A message where the endpoint's deferral cannot become it (it is public but the answer is ephemeral, or there is
    /// no deferred message): the "thinking…" message (if any) goes, a follow-up comes, and stands in for @original.
    /// </summary>
    private async Task<Message> ReplaceThinkingAsync(bool thinking, MessageBody body, IReadOnlyList<DiscordFile>? files, CancellationToken cancellationToken)
    {
        if (thinking)
        {
            await DeleteThinkingAsync(cancellationToken);
        }

        var message = await OnceDeferralLandedAsync(() => _rest.CreateFollowupAsync(Token, body, files, cancellationToken), cancellationToken);
        Volatile.Write(ref _originalStandIn, message);
        return message;
    }

    private Task<bool> DeleteThinkingAsync(CancellationToken cancellationToken) =>
        OnceDeferralLandedAsync(
            async () =>
            {
                await _rest.DeleteOriginalResponseAsync(Token, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Discord applies the endpoint's deferral once it has read the HTTP response, which may be a moment after the
    /// handler learns of it; until then the interaction webhook and @original do not exist, and nothing was done.
    /// </summary>
    private Task<T> OnceDeferralLandedAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        WhileNotYetCreatedAsync(call, e => e.Code is DiscordErrorCodes.UnknownWebhook or DiscordErrorCodes.UnknownMessage, cancellationToken);

    /// <summary>
    /// Calls <paramref name="call"/> until Discord has created what it refers to: a refusal that says it does not exist
    /// yet (<paramref name="notYet"/>) is tried again after the shared backoff, up to <see cref="CreationLookups"/> calls.
    /// </summary>
    private async Task<T> WhileNotYetCreatedAsync<T>(Func<Task<T>> call, Func<DiscordApiException, bool> notYet, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (DiscordApiException e) when (notYet(e) && attempt < CreationLookups)
            {
                await Task.Delay(CreationBackoff.Delay(attempt), _timeProvider, cancellationToken);
            }
        }
    }

    private static MessageBody BodyOf(InteractionCallbackData? data) => new()
    {
        Content = data?.Content,
        Embeds = data?.Embeds,
        Components = data?.Components,
        AllowedMentions = data?.AllowedMentions,
        Attachments = data?.Attachments,
        // An edit cannot change whether a message is ephemeral; Discord rejects the flag there.
        Flags = data?.Flags is { } flags && (flags & ~MessageFlags.Ephemeral) != 0 ? flags & ~MessageFlags.Ephemeral : null,
    };
}

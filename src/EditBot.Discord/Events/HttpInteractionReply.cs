namespace EditBot.Discord.Events;

/// <summary>
/// The pending HTTP response of an interaction that arrived on the interactions endpoint. Discord expects the
/// first interaction response as the body of that HTTP response; later ones go over REST as usual.
/// </summary>
public sealed class HttpInteractionReply
{
    private readonly TaskCompletionSource<(ReadOnlyMemory<byte> Body, string ContentType)> _reply =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the endpoint writes back; completes when the handler answers.</summary>
    public Task<(ReadOnlyMemory<byte> Body, string ContentType)> Response => _reply.Task;

    /// <summary>Answers the interaction; false when it was already answered (use REST follow-ups then).</summary>
    public bool TryComplete(ReadOnlyMemory<byte> body, string contentType) => _reply.TrySetResult((body, contentType));

    /// <summary>Called by the endpoint when it gives up waiting, so a late answer falls back to REST.</summary>
    public bool TryAbandon() => _reply.TrySetCanceled();

    public bool IsCompleted => _reply.Task.IsCompleted;
}

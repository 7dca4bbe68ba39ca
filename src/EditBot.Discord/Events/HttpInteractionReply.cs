namespace EditBot.Discord.Events;

/// <summary>
/// The pending HTTP response of an interaction that arrived on the interactions endpoint. Discord expects the
/// first interaction response as the body of that HTTP response; later ones go over REST as usual. Exactly one of
/// the handler's answer (<see cref="TryComplete"/>) and the endpoint's deferral (<see cref="TryDefer"/>) wins: that
/// one is the interaction's acknowledgement, and Discord refuses any other first answer (40060).
/// </summary>
public sealed class HttpInteractionReply
{
    private readonly TaskCompletionSource<(ReadOnlyMemory<byte> Body, string ContentType)> _reply =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _deferredAs;

    /// <summary>What the endpoint writes back; completes when the handler answers, is cancelled when the endpoint defers.</summary>
    public Task<(ReadOnlyMemory<byte> Body, string ContentType)> Response => _reply.Task;

    /// <summary>Answers the interaction; false when the endpoint already deferred (see <see cref="DeferredAs"/>).</summary>
    public bool TryComplete(ReadOnlyMemory<byte> body, string contentType) => _reply.TrySetResult((body, contentType));

    /// <summary>
    /// Called by the endpoint when it gives up waiting and answers with the deferral of <paramref name="callbackType"/>
    /// itself (5, 6 or 8); false when the handler's answer came first and must be written instead.
    /// </summary>
    public bool TryDefer(int callbackType)
    {
        // Written before the cancellation publishes it: whoever sees the reply cancelled sees the type too.
        Volatile.Write(ref _deferredAs, callbackType);
        if (_reply.TrySetCanceled())
        {
            return true;
        }

        Volatile.Write(ref _deferredAs, 0);
        return false;
    }

    /// <summary>The callback type the endpoint acknowledged with on the handler's behalf, or null.</summary>
    public int? DeferredAs => _reply.Task.IsCanceled && Volatile.Read(ref _deferredAs) is var type and not 0 ? type : null;

    public bool IsCompleted => _reply.Task.IsCompleted;
}

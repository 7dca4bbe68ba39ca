namespace EditBot.Storage.Sqlite;

/// <summary>A <see cref="PendingWrite"/> that produces a <typeparamref name="T"/>.</summary>
internal sealed class PendingWrite<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken) : PendingWrite
{
    // Continuations run off the writer loop, so a slow caller never holds up the next batch.
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _outcome.Task;

    public override bool IsCancelled => cancellationToken.IsCancellationRequested;

    public override void Run(SqliteSession session) => _result = work(session);

    public override void Complete() => _outcome.TrySetResult(_result!);

    public override void Fail(Exception exception) => _outcome.TrySetException(exception);

    public override void Cancel() => _outcome.TrySetCanceled(cancellationToken);
}

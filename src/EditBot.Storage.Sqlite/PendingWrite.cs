namespace EditBot.Storage.Sqlite;

/// <summary>A write waiting for the writer loop. Its caller learns the outcome only after the batch commits.</summary>
internal abstract class PendingWrite
{
    public abstract bool IsCancelled { get; }

    /// <summary>Runs the work inside the open transaction and keeps its result for <see cref="Complete"/>.</summary>
    public abstract void Run(SqliteSession session);

    /// <summary>The transaction committed: hand the result to the caller.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}

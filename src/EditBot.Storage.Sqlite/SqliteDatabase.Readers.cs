namespace EditBot.Storage.Sqlite;

public sealed partial class SqliteDatabase
{
    /// <summary>Runs <paramref name="work"/> on a pooled reader connection (autocommit, one consistent statement at a time).</summary>
    internal async Task<T> ReadAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_inMemory)
        {
            return await WriteAsync(work, cancellationToken);
        }

        await EnsureMigratedAsync(cancellationToken);
        if (!_readers.TryTake(out var session))
        {
            session = new SqliteSession(_connectionString, BusyTimeoutMs);
        }

        try
        {
            return work(session);
        }
        finally
        {
            if (_disposed || _readers.Count >= MaxIdleReaders)
            {
                session.Dispose();
            }
            else
            {
                _readers.Add(session);
            }
        }
    }

    private void DisposeReaders()
    {
        while (_readers.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace EditBot.Storage.Sqlite;

/// <summary>
/// One SQLite file shared by the job, blob and key-value stores. Writes go through one connection owned by a
/// writer loop (SQLite has one writer anyway; queueing here is cheaper than spinning on SQLITE_BUSY), which
/// commits the writes queued meanwhile together (group commit); reads use a small pool of open connections.
/// Other processes sharing the file are serialized by SQLite's own lock and busy_timeout. Migrations run once,
/// on first use.
/// </summary>
public sealed partial class SqliteDatabase : IDisposable, IAsyncDisposable
{
    private const int BusyTimeoutMs = 10_000;
    private const int MaxIdleReaders = 8;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _loopStart = new();
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private Task? _writerLoop;
    private volatile SqliteSession? _writer;
    private readonly bool _inMemory;
    private bool _disposed;

    public SqliteDatabase(string connectionString, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        // This class keeps its connections open itself; the provider's pool would only delay closing the file.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        _connectionString = builder.ToString();
        // An in-memory database lives in one connection, so there reads go through the writer connection too.
        _inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "";
        _time = timeProvider;
    }

    /// <summary>How many migration steps this instance applied when it opened the file (0 when already current).</summary>
    internal int MigrationsApplied { get; private set; }

    internal TimeProvider Time => _time;

    /// <summary>
    /// Queues <paramref name="work"/> for the writer loop, which runs it inside a BEGIN IMMEDIATE transaction
    /// (with others queued meanwhile, each under its own savepoint) and completes the task after COMMIT.
    /// If the work throws, only its own changes are rolled back and the exception reaches the caller.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite<T>(work, cancellationToken);
        EnsureWriterLoop();
        if (!_writes.Writer.TryWrite(write))
        {
            ObjectDisposedException.ThrowIf(true, this);
        }

        return write.Task;
    }

    /// <summary>Opens the file and applies pending migrations, once.</summary>
    internal Task EnsureMigratedAsync(CancellationToken cancellationToken) =>
        _writer is not null ? Task.CompletedTask : WriteAsync(_ => 0, cancellationToken);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writes.Writer.TryComplete();
        DisposeReaders();
        if (_writerLoop is null)
        {
            _writer?.Dispose();
        }
    }

    /// <summary>Waits for queued writes to finish, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_writerLoop is not null)
        {
            await _writerLoop;
        }
    }

    private static void RollBack(SqliteSession session)
    {
        try
        {
            session.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite already rolled back on its own (e.g. after SQLITE_FULL); the original error is what matters.
        }
    }

    // Called by the writer loop only.
    private SqliteSession OpenWriter()
    {
        if (_writer is not null)
        {
            return _writer;
        }

        var session = new SqliteSession(_connectionString, BusyTimeoutMs);
        try
        {
            MigrationsApplied = SqliteMigrator.Apply(session, _time.GetUtcNow().ToUnixTimeMilliseconds());
        }
        catch
        {
            session.Dispose();
            throw;
        }

        _writer = session;
        return session;
    }
}

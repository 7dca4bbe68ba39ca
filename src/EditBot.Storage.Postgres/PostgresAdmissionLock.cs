using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EditBot.Storage.Postgres;

/// <summary>
/// <see cref="IAdmissionLock"/> in the database: a transaction-scoped advisory lock on (class, hashtext(key)), held
/// on its own connection until the handle is disposed (commit). Every instance sharing the database waits its turn;
/// an instance that dies mid-decision loses its connection, which rolls back and frees the lock at once; one that
/// stalls for a minute inside the lock has its session ended by the server (logged when the holder lets go).
/// Callers in one process queue first on an in-process lock of the same key, so at most one of them per key holds a
/// pooled connection while waiting in the database: a burst of waiters cannot starve the pool the holder needs. Across
/// keys, at most a quarter of the pool holds admission locks at once: each holder needs a second connection for its own
/// reads and writes, and many keys at once (one per requester) would otherwise take every connection and wait for good.
/// </summary>
public sealed partial class PostgresAdmissionLock(PostgresDatabase database, ILogger<PostgresAdmissionLock>? logger = null)
    : IAdmissionLock, IDisposable
{
    private readonly InProcessAdmissionLock _local = new();
    private readonly SemaphoreSlim _slots = new(Math.Max(1, database.MaxPoolSize / 4));
    private readonly ILogger _logger = logger ?? NullLogger<PostgresAdmissionLock>.Instance;

    /// <summary>The advisory-lock class of admission keys ("EBAD"), apart from the migration lock's.</summary>
    private const int LockClass = 0x45424144;

    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keyLock = await _local.AcquireAsync(key, cancellationToken);
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        catch
        {
            await keyLock.DisposeAsync();
            throw;
        }

        var local = new LocalHold(keyLock, _slots);
        NpgsqlConnection? connection = null;
        NpgsqlTransaction? transaction = null;
        try
        {
            connection = await database.OpenAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            // A holder that stalls must not hold everyone up: its session ends after a minute idle in the transaction
            // (freeing the lock), and a waiter gives up after 30 s with an error its caller retries.
            await using var command = new NpgsqlCommand(
                "SET LOCAL idle_in_transaction_session_timeout = '60s'; SET LOCAL lock_timeout = '30s'; " +
                "SELECT pg_advisory_xact_lock(@class, hashtext(@key))",
                connection,
                transaction);
            command.Parameters.AddWithValue("class", LockClass);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(this, key, local, connection, transaction);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await AbandonAsync(local, connection, transaction);
            throw new AdmissionBusyException($"The admission lock '{key}' stayed busy for 30 s; try again.", error);
        }
        catch
        {
            await AbandonAsync(local, connection, transaction);
            throw;
        }
    }

    public void Dispose()
    {
        _local.Dispose();
        _slots.Dispose();
    }

    /// <summary>Ends the database side, then lets the next caller of this process in, even when ending failed.</summary>
    private static async Task AbandonAsync(IAsyncDisposable local, NpgsqlConnection? connection, NpgsqlTransaction? transaction)
    {
        try
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
        finally
        {
            try
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
            finally
            {
                await local.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The admission lock {Key} ended before its holder let go ({Reason}); a decision taken under it may have overlapped another instance's")]
    private static partial void LogLostLock(ILogger logger, string key, string reason);

    /// <summary>This process's side of a hold: the key's in-process lock and one of the connection slots.</summary>
    private sealed class LocalHold(IAsyncDisposable keyLock, SemaphoreSlim slots) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            slots.Release();
            await keyLock.DisposeAsync();
        }
    }

    private sealed class Held(PostgresAdmissionLock owner, string key, IAsyncDisposable local, NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                // Ending the transaction frees the lock; a broken connection frees it on the server's side.
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
            {
                // The session ended first (idle for a minute, or the connection broke): the lock was freed then.
                LogLostLock(owner._logger, key, error.Message);
            }
            finally
            {
                await AbandonAsync(local, connection, transaction);
            }
        }
    }
}

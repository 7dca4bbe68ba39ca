using EditBot.Core.Storage;
using Npgsql;

namespace EditBot.Storage.Postgres;

/// <summary>
/// <see cref="IAdmissionLock"/> in the database: a transaction-scoped advisory lock on (class, hashtext(key)), held
/// on its own connection until the handle is disposed (commit). Every instance sharing the database waits its turn;
/// an instance that dies mid-decision loses its connection, which rolls back and frees the lock at once; one that
/// stalls for a minute inside the lock has its session ended by the server.
/// </summary>
public sealed class PostgresAdmissionLock(PostgresDatabase database) : IAdmissionLock
{
    /// <summary>The advisory-lock class of admission keys ("EBAD"), apart from the migration lock's.</summary>
    private const int LockClass = 0x45424144;

    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await database.OpenAsync(cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
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
            return new Held(connection, transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
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
            }
            finally
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }
        }
    }
}

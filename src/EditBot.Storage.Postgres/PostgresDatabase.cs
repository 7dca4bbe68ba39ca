using Npgsql;

namespace EditBot.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL database of the job, blob and key-value stores: one pooled <see cref="NpgsqlDataSource"/>
/// with automatic statement preparation, migrated once on first use.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private volatile bool _migrated;

    public PostgresDatabase(string connectionString, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!HasKey(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            // Npgsql's default (100) lets a single busy instance take all of PostgreSQL's default max_connections (100);
            // several instances then fail with 53300 "too many clients" instead of queueing on their own pools.
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (builder.MaxAutoPrepare == 0)
        {
            // The hot statements (claim, compare-and-set, event insert) then skip parse and plan after first use.
            builder.MaxAutoPrepare = 32;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        MaxPoolSize = builder.MaxPoolSize;
        Time = timeProvider;
    }

    /// <summary>Connections one instance opens at most unless the connection string says otherwise.</summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>The most connections this instance's pool opens.</summary>
    internal int MaxPoolSize { get; }

    /// <summary>How many migration steps this instance applied on first use (0 when already current).</summary>
    internal int MigrationsApplied { get; private set; }

    internal TimeProvider Time { get; }

    /// <summary>An open pooled connection to a migrated database.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken);
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _migrationLock.Dispose();
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _migrationLock.Dispose();
    }

    private static bool HasKey(string connectionString, params string[] names)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return names.Any(given.ContainsKey);
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrationLock.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            MigrationsApplied = await PostgresMigrator.ApplyAsync(connection, cancellationToken);
            _migrated = true;
        }
        finally
        {
            _migrationLock.Release();
        }
    }
}

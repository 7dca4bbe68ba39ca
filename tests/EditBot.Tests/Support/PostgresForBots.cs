using EditBot.TestSupport.Postgres;

namespace EditBot.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for a test class whose bots must also run on the shared store (class fixture),
/// and the settings that point a bot at a fresh database of it.
/// </summary>
public sealed class PostgresForBots : IAsyncLifetime
{
    private PostgresCluster? _cluster;
    private int _databases;

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Settings for <paramref name="store"/>: nothing for SQLite (the harness's default), a new empty database for PostgreSQL.</summary>
    public async Task<Dictionary<string, string>> SettingsAsync(string store)
    {
        if (!string.Equals(store, "Postgres", StringComparison.Ordinal))
        {
            return [];
        }

        var cluster = _cluster ?? throw new InvalidOperationException("The cluster has not started.");
        var connectionString = await cluster.CreateDatabaseAsync($"bot{Interlocked.Increment(ref _databases)}");
        return new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = connectionString };
    }
}

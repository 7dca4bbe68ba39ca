using EditBot.TestSupport.Postgres;

namespace EditBot.Storage.Tests;

/// <summary>One PostgreSQL cluster for the whole run, and one database per test class.</summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Task<string>> _databases = new(StringComparer.Ordinal);
    private PostgresCluster? _cluster;

    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>The connection string of <paramref name="testClass"/>'s own database, created on first request.</summary>
    public Task<string> DatabaseForAsync(Type testClass)
    {
        lock (_databases)
        {
            if (!_databases.TryGetValue(testClass.Name, out var database))
            {
                database = Cluster.CreateDatabaseAsync(testClass.Name);
                _databases[testClass.Name] = database;
            }

            return database;
        }
    }

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "Postgres";
}

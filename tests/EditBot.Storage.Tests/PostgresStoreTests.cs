using EditBot.Storage.Postgres;
using Npgsql;

namespace EditBot.Storage.Tests;

/// <summary>The store contract over this class's PostgreSQL database, emptied before each test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresClusterFixture fixture) : StoreContractTests
{
    private string? _connectionString;

    protected override async Task PrepareEmptyDatabaseAsync()
    {
        _connectionString = await fixture.DatabaseForAsync(GetType());
        // Tests of one class run one at a time, so emptying the tables isolates them.
        await using var database = new PostgresDatabase(_connectionString, TimeProvider.System);
        await new PostgresKeyValueStore(database).ListAsync("migrate", CancellationToken.None);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var truncate = new NpgsqlCommand("TRUNCATE jobs, job_events, blobs, key_values", connection);
        await truncate.ExecuteNonQueryAsync();
    }

    protected override StoreSet CreateStores()
    {
        var database = new PostgresDatabase(_connectionString!, Time);
        return new StoreSet(new PostgresJobStore(database), new PostgresBlobStore(database), new PostgresKeyValueStore(database), database);
    }
}

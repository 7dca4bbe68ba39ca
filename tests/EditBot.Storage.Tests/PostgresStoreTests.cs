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

    protected override async Task<DateTimeOffset> StoreNowAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var clock = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        await using var reader = await clock.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    // No fake clock moves the database's: wait for it, polling, and give up after a deadline rather than hang.
    protected override async Task LetStoreClockReachAsync(DateTimeOffset instant)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        for (var now = await StoreNowAsync(); now < instant; now = await StoreNowAsync())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The database clock ({now:O}) did not reach {instant:O} within 30 s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(50, (instant - now).TotalMilliseconds + 1)));
        }
    }
}

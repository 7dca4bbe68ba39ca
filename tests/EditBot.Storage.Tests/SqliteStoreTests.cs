using EditBot.Storage.Sqlite;

namespace EditBot.Storage.Tests;

/// <summary>The store contract over a fresh SQLite file per test.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "editbot-sqlite-" + Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "editbot.db")}";

    protected override Task PrepareEmptyDatabaseAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    protected override StoreSet CreateStores()
    {
        var database = new SqliteDatabase(ConnectionString, Time);
        return new StoreSet(new SqliteJobStore(database), new SqliteBlobStore(database), new SqliteKeyValueStore(database), database);
    }

    // The writer reads the injected clock when it runs a write, so the fake clock is SQLite's store clock.
    protected override Task<DateTimeOffset> StoreNowAsync() => Task.FromResult(Time.GetUtcNow());

    protected override Task LetStoreClockReachAsync(DateTimeOffset instant)
    {
        if (Time.GetUtcNow() < instant)
        {
            Time.Advance(instant - Time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    protected override Task CleanUpAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

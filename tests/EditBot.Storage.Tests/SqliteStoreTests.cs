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

    protected override Task CleanUpAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

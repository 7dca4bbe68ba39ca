using EditBot.TestSupport.Storage;

namespace EditBot.Storage.Tests;

/// <summary>
/// The store contract over the tests' in-memory stores (EditBot.TestSupport), so the stores the engine and moderation
/// tests run on behave as SQLite and PostgreSQL do. A second opening shares the first's data, as a second process
/// shares a database.
/// </summary>
public sealed class InMemoryStoreTests : StoreContractTests
{
    private StoreSet? _database;

    protected override Task PrepareEmptyDatabaseAsync()
    {
        var jobs = new InMemoryJobStore(Time);
        _database = new StoreSet(jobs, new InMemoryBlobStore(Time, jobs), new InMemoryKeyValueStore(), new Closed());
        return Task.CompletedTask;
    }

    protected override StoreSet CreateStores() => _database ?? throw new InvalidOperationException("PrepareEmptyDatabaseAsync has not run.");

    // The stores read the injected clock when they write, so the fake clock is their store clock.
    protected override Task<DateTimeOffset> StoreNowAsync() => Task.FromResult(Time.GetUtcNow());

    protected override Task LetStoreClockReachAsync(DateTimeOffset instant)
    {
        if (Time.GetUtcNow() < instant)
        {
            Time.Advance(instant - Time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    /// <summary>Nothing to close: the data lives as long as the test.</summary>
    private sealed class Closed : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

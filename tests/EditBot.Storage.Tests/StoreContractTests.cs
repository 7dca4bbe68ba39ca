using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Storage.Tests;

/// <summary>
/// The behaviour every store must have, run against SQLite and PostgreSQL by the derived classes. Split over
/// partial files by area (jobs, claims, queries, blobs and settings).
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private readonly List<IDisposable> _opened = [];
    private StoreSet? _stores;

    protected static CancellationToken Ct => CancellationToken.None;

    protected FakeTimeProvider Time { get; } = new(TestJobs.T0);

    protected IJobStore Jobs => Stores.Jobs;

    protected IBlobStore Blobs => Stores.Blobs;

    protected IKeyValueStore Settings => Stores.Settings;

    private StoreSet Stores => _stores ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public async Task InitializeAsync()
    {
        await PrepareEmptyDatabaseAsync();
        _stores = await OpenAsync();
    }

    public Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        return CleanUpAsync();
    }

    /// <summary>Makes the database this test uses exist and be empty.</summary>
    protected abstract Task PrepareEmptyDatabaseAsync();

    /// <summary>A fresh set of stores over the test's database (a second instance, as another process would open it).</summary>
    protected abstract StoreSet CreateStores();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    /// <summary>The store's clock, which measures and judges leases: the fake clock for SQLite, the database's for PostgreSQL.</summary>
    protected abstract Task<DateTimeOffset> StoreNowAsync();

    /// <summary>Returns once the store's clock has reached <paramref name="instant"/> (advancing the fake clock, or waiting).</summary>
    protected abstract Task LetStoreClockReachAsync(DateTimeOffset instant);

    protected async Task<StoreSet> OpenAsync()
    {
        var stores = CreateStores();
        _opened.Add(stores.Database);
        await stores.Settings.ListAsync("warm-up", Ct);
        return stores;
    }

    protected async Task<Job> InsertAsync(Job job) => await Jobs.InsertAsync(job, TestJobs.Created(job), Ct);

    /// <summary>The lease runs <paramref name="leaseFor"/> from the store's clock at the write, read just before and after it.</summary>
    protected static void AssertLeasedFromStoreClock(DateTimeOffset before, DateTimeOffset after, TimeSpan leaseFor, DateTimeOffset? leaseUntil)
    {
        Assert.NotNull(leaseUntil);
        Assert.InRange(leaseUntil.Value, before + leaseFor, after + leaseFor);
    }

    protected static void AssertSameJob(Job expected, Job? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ResultUrls, actual.ResultUrls);
        Assert.Equal(expected.ResultBlobs, actual.ResultBlobs);
        Assert.Equal(expected, actual with { ResultUrls = expected.ResultUrls, ResultBlobs = expected.ResultBlobs });
    }
}

using EditBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Storage.Tests;

/// <summary>
/// The SQLite prune never stalls the single writer: it deletes in transactions of at most
/// <see cref="SqliteBlobStore.PruneBatchSize"/> rows, and writes queued meanwhile (interactions, lease renewals)
/// commit between them instead of waiting for the whole sweep.
/// </summary>
public sealed class SqliteBlobPruneTests : IDisposable
{
    private const int OldBlobs = 1_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("editbot-prune-").FullName;
    private readonly FakeTimeProvider _time = new(TestJobs.T0);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_thousand_row_prune_lets_a_write_queued_after_it_commit_before_the_sweep_ends()
    {
        using var database = new SqliteDatabase($"Data Source={Path.Combine(_folder, "editbot.db")}", _time);
        var blobs = new SqliteBlobStore(database);
        await PutOldBlobsAsync(blobs);
        _time.Advance(TimeSpan.FromDays(30));

        // Hold the single writer so the sweep's first transaction and the write behind it queue up together, whatever
        // the scheduling: the queued write must then not wait for the whole sweep.
        using var writing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var hold = database.WriteAsync(_ => { writing.Set(); return release.Wait(TimeSpan.FromSeconds(30)); }, CancellationToken.None);
        Assert.True(writing.Wait(TimeSpan.FromSeconds(30)), "the writer picked up the hold");
        var prune = blobs.PruneAsync(_time.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None);
        var queued = database.WriteAsync(CountBlobs, CancellationToken.None);
        release.Set();

        Assert.True(await hold);
        var leftWhenQueuedWriteRan = await queued;
        var deleted = await prune;

        Assert.Equal(OldBlobs, deleted);
        Assert.Equal(OldBlobs - SqliteBlobStore.PruneBatchSize, leftWhenQueuedWriteRan);
        Assert.Equal(0, await database.WriteAsync(CountBlobs, CancellationToken.None));
    }

    [Fact]
    public async Task Pruning_fewer_rows_than_a_batch_takes_one_transaction_and_keeps_recent_blobs()
    {
        using var database = new SqliteDatabase($"Data Source={Path.Combine(_folder, "editbot.db")}", _time);
        var blobs = new SqliteBlobStore(database);
        var old = await blobs.PutAsync(new byte[] { 1 }, "image/png", CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(30));
        var recent = await blobs.PutAsync(new byte[] { 2 }, "image/png", CancellationToken.None);

        var deleted = await blobs.PruneAsync(_time.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await blobs.GetAsync(old, CancellationToken.None));
        Assert.NotNull(await blobs.GetAsync(recent, CancellationToken.None));
    }

    private static async Task PutOldBlobsAsync(SqliteBlobStore blobs)
    {
        var puts = Enumerable.Range(0, OldBlobs)
            .Select(i => blobs.PutAsync(BitConverter.GetBytes(i), "image/png", CancellationToken.None));
        await Task.WhenAll(puts);
    }

    private static long CountBlobs(SqliteSession session) => (long)session.Command("SELECT COUNT(*) FROM blobs").ExecuteScalar()!;
}

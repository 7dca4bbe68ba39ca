using EditBot.Core.Storage;
using EditBot.Storage.Sqlite;
using EditBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Storage.Tests;

public sealed class BlobRetentionServiceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("editbot-retention-").FullName;
    private readonly FakeTimeProvider _time = new(TestJobs.T0);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_service_prunes_at_start_and_again_each_interval_using_the_configured_retention()
    {
        using var database = new SqliteDatabase($"Data Source={Path.Combine(_folder, "r.db")}", _time);
        var blobs = new SqliteBlobStore(database);
        var options = Options.Create(new StorageOptions { BlobRetention = TimeSpan.FromDays(1) });
        var service = new BlobRetentionService(blobs, options, _time, NullLogger<BlobRetentionService>.Instance);
        var old = await blobs.PutAsync(new byte[] { 1 }, "image/png", CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var fresh = await blobs.PutAsync(new byte[] { 2 }, "image/png", CancellationToken.None);

        await service.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(async () => await blobs.GetAsync(old, CancellationToken.None) is null, "the old blob to be pruned");
        Assert.NotNull(await blobs.GetAsync(fresh, CancellationToken.None));

        // Timers fire only when the clock moves, so keep moving it an interval at a time until the next sweep takes it.
        var freshStoredAt = _time.GetUtcNow();
        await Eventually.WaitUntilAsync(async () => await blobs.GetAsync(fresh, CancellationToken.None) is null, "the fresh blob to be pruned once its retention ran out", betweenChecks: () => _time.Advance(BlobRetentionService.Every));
        Assert.True(_time.GetUtcNow() - freshStoredAt > options.Value.BlobRetention, "A blob was pruned before its retention ran out.");
        await service.StopAsync(CancellationToken.None);
    }
}

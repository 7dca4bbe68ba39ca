using EditBot.Core.Storage;
using EditBot.Storage.Sqlite;

namespace EditBot.Storage.Tests;

public sealed class KeyValueRecordsTests : IDisposable
{
    private readonly SqliteDatabase _database = new("Data Source=:memory:", TimeProvider.System);

    public void Dispose() => _database.Dispose();

    private sealed record Post(ulong ChannelId, ulong MessageId);

    [Fact]
    public async Task A_record_round_trips_and_can_be_removed()
    {
        var records = new KeyValueRecords<Post>(new SqliteKeyValueStore(_database), "posts");

        await records.SetAsync("job-1", new Post(10, 20), CancellationToken.None);
        var read = await records.GetAsync("job-1", CancellationToken.None);
        var removed = await records.RemoveAsync("job-1", CancellationToken.None);

        Assert.Equal(new Post(10, 20), read);
        Assert.True(removed);
        Assert.Null(await records.GetAsync("job-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_record_that_no_longer_reads_counts_as_absent()
    {
        var store = new SqliteKeyValueStore(_database);
        await store.SetAsync("posts", "job-2", "{not json", CancellationToken.None);

        Assert.Null(await new KeyValueRecords<Post>(store, "posts").GetAsync("job-2", CancellationToken.None));
    }
}

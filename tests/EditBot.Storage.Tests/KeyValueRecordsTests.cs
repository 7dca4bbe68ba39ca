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

    [Fact]
    public async Task An_update_that_loses_a_race_is_applied_again_to_what_the_winner_wrote()
    {
        var store = new SqliteKeyValueStore(_database);
        var records = new KeyValueRecords<Post>(store, "posts");
        var other = new KeyValueRecords<Post>(store, "posts");
        await records.SetAsync("job-3", new Post(1, 0), CancellationToken.None);
        var seen = new List<Post>();

        var written = await records.UpdateAsync("job-3", current =>
        {
            seen.Add(current);
            if (seen.Count == 1)
            {
                // Another instance writes between this read and this write: the compare-and-set must fail once.
                other.SetAsync("job-3", current with { ChannelId = 2 }, CancellationToken.None).GetAwaiter().GetResult();
            }

            return current with { MessageId = current.MessageId + 1 };
        }, CancellationToken.None);

        Assert.Equal([new Post(1, 0), new Post(2, 0)], seen);
        Assert.Equal(new Post(2, 1), written);
        Assert.Equal(new Post(2, 1), await records.GetAsync("job-3", CancellationToken.None));
    }

    [Fact]
    public async Task An_update_writes_nothing_when_the_change_declines_or_the_record_is_absent()
    {
        var records = new KeyValueRecords<Post>(new SqliteKeyValueStore(_database), "posts");
        await records.SetAsync("job-4", new Post(4, 4), CancellationToken.None);

        Assert.Null(await records.UpdateAsync("job-4", _ => null, CancellationToken.None));
        Assert.Null(await records.UpdateAsync("job-5", p => p with { MessageId = 9 }, CancellationToken.None));
        Assert.Equal(new Post(4, 4), await records.GetAsync("job-4", CancellationToken.None));
        Assert.Null(await records.GetAsync("job-5", CancellationToken.None));
    }

    [Fact]
    public async Task The_list_names_every_key_and_a_record_that_no_longer_reads_as_null()
    {
        var store = new SqliteKeyValueStore(_database);
        var records = new KeyValueRecords<Post>(store, "posts");
        await records.SetAsync("a", new Post(1, 2), CancellationToken.None);
        await store.SetAsync("posts", "b", "{not json", CancellationToken.None);

        var listed = (await records.ListAsync(CancellationToken.None)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();

        Assert.Equal([("a", (Post?)new Post(1, 2)), ("b", null)], listed);
    }
}

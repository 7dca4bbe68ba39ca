using System.Security.Cryptography;
using EditBot.Core.Jobs;

namespace EditBot.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Putting_the_same_bytes_twice_returns_one_sha256_id_and_get_returns_them()
    {
        byte[] content = [1, 2, 3, 4, 5];

        var first = await Blobs.PutAsync(content, "image/png", Ct);
        var again = await Blobs.PutAsync(content, "image/png", Ct);
        var blob = await Blobs.GetAsync(first, Ct);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), first);
        Assert.Equal(first, again);
        Assert.NotNull(blob);
        Assert.Equal("image/png", blob.MediaType);
        Assert.Equal(content, blob.Content);
        Assert.Null(await Blobs.GetAsync("0000", Ct));
    }

    [Fact]
    public async Task Prune_keeps_blobs_of_live_jobs_and_recent_blobs_and_deletes_the_rest()
    {
        var liveImage = await Blobs.PutAsync("live image"u8.ToArray(), "image/png", Ct);
        var liveMask = await Blobs.PutAsync("live mask"u8.ToArray(), "image/png", Ct);
        var liveResult = await Blobs.PutAsync("live result"u8.ToArray(), "image/png", Ct);
        var doneImage = await Blobs.PutAsync("done image"u8.ToArray(), "image/png", Ct);
        var doneResult = await Blobs.PutAsync("done result"u8.ToArray(), "image/png", Ct);
        var orphan = await Blobs.PutAsync("orphan"u8.ToArray(), "image/png", Ct);
        var reused = await Blobs.PutAsync("reused"u8.ToArray(), "image/png", Ct);
        await InsertAsync(TestJobs.New(state: JobState.Fetching, imageBlob: liveImage, maskBlob: liveMask) with { ResultBlobs = [liveResult] });
        await InsertAsync(TestJobs.New(state: JobState.Done, imageBlob: doneImage) with { ResultBlobs = [doneResult] });

        Time.Advance(TimeSpan.FromDays(2));
        await Blobs.PutAsync("reused"u8.ToArray(), "image/png", Ct);
        var recent = await Blobs.PutAsync("recent"u8.ToArray(), "image/png", Ct);
        var deleted = await Blobs.PruneAsync(Time.GetUtcNow() - TimeSpan.FromDays(1), Ct);

        Assert.Equal(3, deleted);
        foreach (var kept in new[] { liveImage, liveMask, liveResult, reused, recent })
        {
            Assert.NotNull(await Blobs.GetAsync(kept, Ct));
        }

        foreach (var gone in new[] { doneImage, doneResult, orphan })
        {
            Assert.Null(await Blobs.GetAsync(gone, Ct));
        }
    }

    [Fact]
    public async Task Settings_can_be_set_read_listed_overwritten_and_deleted()
    {
        await Settings.SetAsync("guild:1", "rules", """{"max":3}""", Ct);
        await Settings.SetAsync("guild:1", "review", "true", Ct);
        await Settings.SetAsync("guild:2", "rules", """{"max":9}""", Ct);
        await Settings.SetAsync("guild:1", "rules", """{"max":4}""", Ct);

        Assert.Equal("""{"max":4}""", await Settings.GetAsync("guild:1", "rules", Ct));
        Assert.Null(await Settings.GetAsync("guild:1", "missing", Ct));
        var listed = await Settings.ListAsync("guild:1", Ct);
        Assert.Equal(2, listed.Count);
        Assert.Equal("true", listed["review"]);

        Assert.True(await Settings.DeleteAsync("guild:1", "rules", Ct));
        Assert.False(await Settings.DeleteAsync("guild:1", "rules", Ct));
        Assert.Null(await Settings.GetAsync("guild:1", "rules", Ct));
        Assert.Equal("""{"max":9}""", await Settings.GetAsync("guild:2", "rules", Ct));
    }

    [Fact]
    public async Task A_compare_and_set_writes_only_over_the_value_it_expected()
    {
        Assert.True(await Settings.CompareAndSetAsync("guild:1", "rules", null, "v1", Ct));
        Assert.False(await Settings.CompareAndSetAsync("guild:1", "rules", null, "lost", Ct));
        Assert.False(await Settings.CompareAndSetAsync("guild:1", "rules", "v0", "lost", Ct));
        Assert.True(await Settings.CompareAndSetAsync("guild:1", "rules", "v1", "v2", Ct));
        Assert.Equal("v2", await Settings.GetAsync("guild:1", "rules", Ct));
        Assert.False(await Settings.CompareAndSetAsync("guild:2", "rules", "v2", "lost", Ct));
        Assert.Null(await Settings.GetAsync("guild:2", "rules", Ct));
    }

    [Fact]
    public async Task Of_many_concurrent_compare_and_sets_over_one_value_exactly_one_wins()
    {
        await Settings.SetAsync("guild:1", "rules", "start", Ct);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => Settings.CompareAndSetAsync("guild:1", "rules", "start", $"writer {i}", Ct))));

        var winner = Assert.Single(Enumerable.Range(0, 16), i => attempts[i]);
        Assert.Equal($"writer {winner}", await Settings.GetAsync("guild:1", "rules", Ct));
    }
}

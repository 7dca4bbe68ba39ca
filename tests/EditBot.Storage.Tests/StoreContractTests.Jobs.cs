using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Insert_then_get_round_trips_every_field()
    {
        var job = TestJobs.Full();

        var inserted = await InsertAsync(job);
        var read = await Jobs.GetAsync(job.Id, Ct);

        AssertSameJob(job with { Version = 1 }, inserted);
        AssertSameJob(job with { Version = 1 }, read);
        Assert.Equal(TimeSpan.Zero, read!.CreatedAt.Offset);
    }

    [Fact]
    public async Task Insert_round_trips_a_job_with_every_optional_field_empty()
    {
        var job = TestJobs.New(scope: null);

        await InsertAsync(job);

        AssertSameJob(job with { Version = 1 }, await Jobs.GetAsync(job.Id, Ct));
    }

    [Fact]
    public async Task Get_of_an_unknown_id_returns_null()
    {
        Assert.Null(await Jobs.GetAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Compare_and_set_bumps_the_version_and_a_stale_write_returns_null()
    {
        var stored = await InsertAsync(TestJobs.New());

        var moved = await Jobs.TryUpdateAsync(stored with { State = JobState.Preparing, Attempts = 1 }, null, Ct);
        var stale = await Jobs.TryUpdateAsync(stored with { State = JobState.Cancelled }, null, Ct);

        Assert.NotNull(moved);
        Assert.Equal(2, moved.Version);
        Assert.Null(stale);
        var read = await Jobs.GetAsync(stored.Id, Ct);
        Assert.Equal(JobState.Preparing, read!.State);
        Assert.Equal(1, read.Attempts);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task Events_are_written_with_their_update_and_listed_in_order()
    {
        var stored = await InsertAsync(TestJobs.New());
        var preparing = await Jobs.TryUpdateAsync(
            stored with { State = JobState.Preparing },
            new JobEvent(stored.Id, TestJobs.T0.AddSeconds(1), JobState.Queued, JobState.Preparing, "claimed"),
            Ct);
        var lost = await Jobs.TryUpdateAsync(
            stored with { State = JobState.Cancelled },
            new JobEvent(stored.Id, TestJobs.T0.AddSeconds(2), JobState.Queued, JobState.Cancelled, "stale cancel"),
            Ct);
        await Jobs.AppendEventAsync(new JobEvent(stored.Id, TestJobs.T0.AddSeconds(3), JobState.Preparing, JobState.Preparing, "note"), Ct);
        await Jobs.TryUpdateAsync(
            preparing! with { State = JobState.Submitting },
            new JobEvent(stored.Id, TestJobs.T0.AddSeconds(4), JobState.Preparing, JobState.Submitting, "staged"),
            Ct);

        var events = await Jobs.GetEventsAsync(stored.Id, Ct);

        Assert.Null(lost);
        Assert.Equal(["created", "claimed", "note", "staged"], events.Select(e => e.Reason));
        Assert.Equal(
            new JobEvent(stored.Id, TestJobs.T0.AddSeconds(1), JobState.Queued, JobState.Preparing, "claimed"),
            events[1]);
    }

    [Fact]
    public async Task Renewing_a_lease_works_only_for_its_owner_and_keeps_the_version()
    {
        var stored = await InsertAsync(TestJobs.New());
        var claimed = Assert.Single(await Jobs.ClaimDueAsync("worker-a", TestJobs.T0, TimeSpan.FromMinutes(1), 1, Ct));

        var before = await StoreNowAsync();
        var byOwner = await Jobs.RenewLeaseAsync(stored.Id, "worker-a", TimeSpan.FromMinutes(5), Ct);
        var byStranger = await Jobs.RenewLeaseAsync(stored.Id, "worker-b", TimeSpan.FromMinutes(50), Ct);
        var after = await StoreNowAsync();

        Assert.True(byOwner);
        Assert.False(byStranger);
        var read = await Jobs.GetAsync(stored.Id, Ct);
        AssertLeasedFromStoreClock(before, after, TimeSpan.FromMinutes(5), read!.LeaseUntil);
        Assert.Equal("worker-a", read.LeaseOwner);
        Assert.Equal(claimed.Version, read.Version);
    }

    [Fact]
    public async Task A_failing_write_among_concurrent_writes_fails_alone()
    {
        var existing = await InsertAsync(TestJobs.New());
        var fresh = Enumerable.Range(0, 20).Select(_ => TestJobs.New()).ToList();

        var writes = fresh.Select(j => Task.Run(() => Jobs.InsertAsync(j, TestJobs.Created(j), Ct))).ToList();
        var duplicate = Task.Run(() => Jobs.InsertAsync(existing, TestJobs.Created(existing), Ct));
        await Task.WhenAll(writes);

        await Assert.ThrowsAnyAsync<Exception>(() => duplicate);
        Assert.Equal(21, await Jobs.CountAsync(new JobQuery(), Ct));
        Assert.Single(await Jobs.GetEventsAsync(existing.Id, Ct));
    }

    [Fact]
    public async Task Find_by_remote_request_id_returns_the_job_that_recorded_it()
    {
        await InsertAsync(TestJobs.New() with { RemoteRequestId = "req-other" });
        var mine = await InsertAsync(TestJobs.New() with { RemoteRequestId = "req-mine" });

        var found = await Jobs.FindByRemoteRequestIdAsync("req-mine", Ct);
        var missing = await Jobs.FindByRemoteRequestIdAsync("req-nobody", Ct);

        Assert.Equal(mine.Id, found?.Id);
        Assert.Null(missing);
    }

    [Fact]
    public async Task A_remote_request_another_job_holds_cannot_be_adopted_the_write_is_a_conflict()
    {
        await InsertAsync(TestJobs.New() with { RemoteRequestId = "req-taken" });
        var other = await InsertAsync(TestJobs.New());

        var adopted = await Jobs.TryUpdateAsync(other with { RemoteRequestId = "req-taken" }, null, Ct);
        var own = await Jobs.TryUpdateAsync(other with { RemoteRequestId = "req-free" }, null, Ct);

        Assert.Null(adopted); // two jobs adopting one paid request at once: the second is refused
        Assert.Equal("req-free", own?.RemoteRequestId);
        Assert.Equal("req-free", (await Jobs.GetAsync(other.Id, Ct))!.RemoteRequestId);
    }
}

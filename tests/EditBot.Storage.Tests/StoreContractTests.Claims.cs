using System.Collections.Concurrent;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    // Long enough that a claim right after still finds it live on a loaded machine, short enough to wait out on
    // PostgreSQL, whose leases lapse by the database's clock (no fake clock moves it).
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Claim_takes_only_live_jobs_past_intake_that_are_due_and_unleased()
    {
        var now = TestJobs.T0.AddMinutes(1);
        var due = await InsertAsync(TestJobs.New());
        var dueAtNow = await InsertAsync(TestJobs.New() with { State = JobState.Polling, NextAttemptAt = now });
        await InsertAsync(TestJobs.New() with { NextAttemptAt = now.AddMilliseconds(1) });
        await InsertAsync(TestJobs.New(state: JobState.Received));
        await InsertAsync(TestJobs.New(state: JobState.AwaitingApproval));
        await InsertAsync(TestJobs.New(state: JobState.Done));
        await InsertAsync(TestJobs.New(state: JobState.Cancelled));
        var before = await StoreNowAsync();
        await InsertAsync(TestJobs.New() with { LeaseOwner = "other", LeaseUntil = before.AddMinutes(1) });

        var claimed = await Jobs.ClaimDueAsync("worker-a", now, Lease, 10, Ct);
        var after = await StoreNowAsync();

        Assert.Equal(new[] { due.Id, dueAtNow.Id }.Order(), claimed.Select(j => j.Id).Order());
        Assert.All(claimed, j =>
        {
            Assert.Equal("worker-a", j.LeaseOwner);
            AssertLeasedFromStoreClock(before, after, Lease, j.LeaseUntil);
            Assert.Equal(2, j.Version);
        });
        Assert.Equal(claimed.Single(j => j.Id == due.Id).LeaseUntil, (await Jobs.GetAsync(due.Id, Ct))!.LeaseUntil);
    }

    [Fact]
    public async Task Claim_hands_out_the_earliest_due_first_then_by_creation_up_to_max()
    {
        var now = TestJobs.T0.AddHours(1);
        var late = await InsertAsync(TestJobs.New(TestJobs.T0) with { NextAttemptAt = TestJobs.T0.AddMinutes(30) });
        var newest = await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(20)));
        var oldest = await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(10)));
        var earliestRetry = await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(1)) with { NextAttemptAt = TestJobs.T0.AddMinutes(5) });

        var first = await Jobs.ClaimDueAsync("worker-a", now, Lease, 3, Ct);
        var rest = await Jobs.ClaimDueAsync("worker-a", now, Lease, 3, Ct);

        Assert.Equal([earliestRetry.Id, oldest.Id, newest.Id], first.Select(j => j.Id));
        Assert.Equal([late.Id], rest.Select(j => j.Id));
    }

    [Fact]
    public async Task A_lapsed_lease_makes_the_job_claimable_again()
    {
        var job = await InsertAsync(TestJobs.New());
        var crashed = Assert.Single(await Jobs.ClaimDueAsync("crashed", TestJobs.T0, ShortLease, 1, Ct));

        var whileLive = await Jobs.ClaimDueAsync("worker-b", TestJobs.T0, Lease, 1, Ct);
        // A short real lease and a wait for the store's clock: on PostgreSQL the lease lapses by the database's clock,
        // which the fake clock does not move (SQLite's store clock is the fake one, advanced to the same instant).
        await LetStoreClockReachAsync(crashed.LeaseUntil!.Value);
        var afterLapse = await Jobs.ClaimDueAsync("worker-b", TestJobs.T0, Lease, 1, Ct);

        Assert.Empty(whileLive);
        var reclaimed = Assert.Single(afterLapse);
        Assert.Equal(job.Id, reclaimed.Id);
        Assert.Equal("worker-b", reclaimed.LeaseOwner);
        Assert.Equal(3, reclaimed.Version);
    }

    [Fact]
    public async Task A_claims_lease_is_measured_from_the_moment_the_store_writes_it_not_from_the_callers_clock()
    {
        var job = await InsertAsync(TestJobs.New());
        var before = await StoreNowAsync();

        // The claimant read its clock, then stalled for a day before its claim reached the store.
        var stalled = Assert.Single(await Jobs.ClaimDueAsync("stalled", before - TimeSpan.FromDays(1), Lease, 1, Ct));
        var after = await StoreNowAsync();
        var byOther = await Jobs.ClaimDueAsync("worker-b", after, Lease, 1, Ct);

        Assert.Empty(byOther);
        AssertLeasedFromStoreClock(before, after, Lease, stalled.LeaseUntil);
        Assert.Equal("stalled", (await Jobs.GetAsync(job.Id, Ct))!.LeaseOwner);
    }

    // Old code: the holder's write stored the expiry it had computed before it stalled, already past, and a second
    // claimant took the job while the first was still working on it.
    [Fact]
    public async Task A_holders_write_after_a_stall_never_shortens_the_lease_the_store_granted()
    {
        await InsertAsync(TestJobs.New());
        var before = await StoreNowAsync();
        var claimed = Assert.Single(await Jobs.ClaimDueAsync("worker-a", before, Lease, 1, Ct));
        var after = await StoreNowAsync();

        // The holder computed its expiry, then stalled: by the time the write arrives that expiry is an hour past.
        var written = await Jobs.TryUpdateAsync(claimed with { State = JobState.Preparing, LeaseUntil = before - TimeSpan.FromHours(1) }, null, Ct);

        Assert.NotNull(written);
        var stored = (await Jobs.GetAsync(claimed.Id, Ct))!;
        Assert.Equal((JobState.Preparing, "worker-a"), (stored.State, stored.LeaseOwner));
        AssertLeasedFromStoreClock(before, after, Lease, stored.LeaseUntil);
        Assert.Empty(await Jobs.ClaimDueAsync("worker-b", after, Lease, 1, Ct));

        // Giving the lease back (no owner) is written as asked.
        await Jobs.TryUpdateAsync(stored with { LeaseOwner = null, LeaseUntil = null }, null, Ct);
        Assert.Null((await Jobs.GetAsync(claimed.Id, Ct))!.LeaseUntil);
    }

    [Fact]
    public async Task A_renewal_after_a_stall_still_extends_from_the_write()
    {
        var job = await InsertAsync(TestJobs.New());
        Assert.Single(await Jobs.ClaimDueAsync("worker-a", TestJobs.T0, Lease, 1, Ct));
        var decidedAt = await StoreNowAsync();

        // The owner set out to renew, then stalled before the renewal reached the store.
        await LetStoreClockReachAsync(decidedAt + TimeSpan.FromMilliseconds(300));
        var before = await StoreNowAsync();
        Assert.True(await Jobs.RenewLeaseAsync(job.Id, "worker-a", Lease, Ct));
        var after = await StoreNowAsync();

        AssertLeasedFromStoreClock(before, after, Lease, (await Jobs.GetAsync(job.Id, Ct))!.LeaseUntil);
        Assert.Empty(await Jobs.ClaimDueAsync("worker-b", after, Lease, 1, Ct));
    }

    [Fact]
    public async Task Concurrent_claimers_on_two_instances_never_receive_the_same_job()
    {
        const int JobCount = 120;
        var second = await OpenAsync();

        // Each round brings fresh jobs; the earlier ones stay leased (leases lapse by the store's clock, which on
        // PostgreSQL no test can move half an hour on).
        for (var round = 0; round < 3; round++)
        {
            var now = TestJobs.T0.AddHours(round + 1);
            for (var i = 0; i < JobCount; i++)
            {
                await InsertAsync(TestJobs.New(now.AddMilliseconds(i)));
            }

            var claims = new ConcurrentBag<(string Owner, Guid Id)>();
            var claimers = new[] { Jobs, Jobs, second.Jobs, second.Jobs }
                .Select((store, i) => Task.Run(() => ClaimUntilEmptyAsync(store, $"worker-{i}", now, claims, JobCount)))
                .ToArray();
            await Task.WhenAll(claimers);

            var ids = claims.Select(c => c.Id).ToList();
            Assert.Equal(JobCount, ids.Count);
            Assert.Equal(JobCount, ids.Distinct().Count());
        }
    }

    private static async Task ClaimUntilEmptyAsync(IJobStore store, string owner, DateTimeOffset now, ConcurrentBag<(string, Guid)> claims, int total)
    {
        // SKIP LOCKED may return nothing while another claimer holds rows, so stop only when everything is taken.
        for (var attempt = 0; claims.Count < total && attempt < 10_000; attempt++)
        {
            var batch = await store.ClaimDueAsync(owner, now, TimeSpan.FromMinutes(30), 3, CancellationToken.None);
            foreach (var job in batch)
            {
                claims.Add((owner, job.Id));
            }

            if (batch.Count == 0)
            {
                await Task.Yield();
            }
        }
    }

    [Fact]
    public async Task A_claim_for_some_origin_kinds_takes_only_jobs_of_those_kinds()
    {
        var cli = await InsertAsync(TestJobs.New() with { Origin = TestJobs.New().Origin with { Kind = "cli" } });
        var discord = await InsertAsync(TestJobs.New() with { Origin = TestJobs.New().Origin with { Kind = "discord" } });

        var byCli = await Jobs.ClaimDueAsync("cli-worker", TestJobs.T0, Lease, 10, ["cli"], Ct);
        var byAny = await Jobs.ClaimDueAsync("any-worker", TestJobs.T0, Lease, 10, null, Ct);

        Assert.Equal([cli.Id], byCli.Select(j => j.Id)); // a process without Discord never pays for a Discord edit
        Assert.Equal([discord.Id], byAny.Select(j => j.Id));
    }
}

using System.Collections.Concurrent;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

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
        await InsertAsync(TestJobs.New() with { LeaseOwner = "other", LeaseUntil = now.AddSeconds(1) });

        var claimed = await Jobs.ClaimDueAsync("worker-a", now, Lease, 10, Ct);

        Assert.Equal(new[] { due.Id, dueAtNow.Id }.Order(), claimed.Select(j => j.Id).Order());
        Assert.All(claimed, j =>
        {
            Assert.Equal("worker-a", j.LeaseOwner);
            Assert.Equal(now + Lease, j.LeaseUntil);
            Assert.Equal(2, j.Version);
        });
        Assert.Equal(now + Lease, (await Jobs.GetAsync(due.Id, Ct))!.LeaseUntil);
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
        Assert.Single(await Jobs.ClaimDueAsync("crashed", TestJobs.T0, Lease, 1, Ct));

        var whileLive = await Jobs.ClaimDueAsync("worker-b", TestJobs.T0 + Lease - TimeSpan.FromSeconds(1), Lease, 1, Ct);
        var afterLapse = await Jobs.ClaimDueAsync("worker-b", TestJobs.T0 + Lease, Lease, 1, Ct);

        Assert.Empty(whileLive);
        var reclaimed = Assert.Single(afterLapse);
        Assert.Equal(job.Id, reclaimed.Id);
        Assert.Equal("worker-b", reclaimed.LeaseOwner);
        Assert.Equal(3, reclaimed.Version);
    }

    [Fact]
    public async Task Concurrent_claimers_on_two_instances_never_receive_the_same_job()
    {
        const int JobCount = 120;
        var second = await OpenAsync();
        for (var i = 0; i < JobCount; i++)
        {
            await InsertAsync(TestJobs.New(TestJobs.T0.AddMilliseconds(i)));
        }

        // Each round, all leases have lapsed again, so every job is handed out once more.
        for (var round = 0; round < 3; round++)
        {
            var now = TestJobs.T0.AddHours(round + 1);
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

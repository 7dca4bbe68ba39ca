using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task List_and_count_apply_every_filter_and_list_newest_first()
    {
        var a1 = await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(1), requester: "discord:a", scope: "guild:1"));
        var a2 = await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(2), JobState.Done, requester: "discord:a", scope: "guild:2"));
        var b1 = await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(3), JobState.Polling, requester: "discord:b", scope: "guild:1"));
        var b2 = await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(4), requester: "discord:b", scope: null));

        Assert.Equal([b2.Id, b1.Id, a2.Id, a1.Id], (await Jobs.ListAsync(new JobQuery(), Ct)).Select(j => j.Id));
        Assert.Equal([a2.Id, a1.Id], (await Jobs.ListAsync(new JobQuery { RequesterKey = "discord:a" }, Ct)).Select(j => j.Id));
        Assert.Equal([b1.Id, a1.Id], (await Jobs.ListAsync(new JobQuery { ScopeKey = "guild:1" }, Ct)).Select(j => j.Id));
        Assert.Equal([b2.Id, b1.Id, a1.Id], (await Jobs.ListAsync(new JobQuery { States = JobQuery.Active }, Ct)).Select(j => j.Id));
        Assert.Equal([b2.Id, b1.Id], (await Jobs.ListAsync(new JobQuery { CreatedSince = TestJobs.T0.AddMinutes(3) }, Ct)).Select(j => j.Id));
        Assert.Equal([b2.Id], (await Jobs.ListAsync(new JobQuery { Limit = 1 }, Ct)).Select(j => j.Id));
        Assert.Equal(
            [b1.Id],
            (await Jobs.ListAsync(new JobQuery { RequesterKey = "discord:b", ScopeKey = "guild:1", States = [JobState.Polling, JobState.Done] }, Ct)).Select(j => j.Id));

        Assert.Equal(4, await Jobs.CountAsync(new JobQuery { Limit = 1 }, Ct));
        Assert.Equal(2, await Jobs.CountAsync(new JobQuery { RequesterKey = "discord:b" }, Ct));
        Assert.Equal(3, await Jobs.CountAsync(new JobQuery { States = JobQuery.Active }, Ct));
        Assert.Equal(1, await Jobs.CountAsync(new JobQuery { States = [JobState.Done], ScopeKey = "guild:2" }, Ct));
        Assert.Equal(0, await Jobs.CountAsync(new JobQuery { States = [] }, Ct));
    }

    [Fact]
    public async Task Keyset_paging_walks_a_requesters_jobs_newest_first_and_back_without_skipping_or_repeating_jobs_of_the_same_instant()
    {
        // Three jobs of the same instant: their ids order them (as lowercase hex text, the uuid order), in every store alike.
        var mine = new List<Job>();
        foreach (var minute in new[] { 1, 2, 2, 2, 3 })
        {
            mine.Add(await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(minute), requester: "discord:a")));
        }

        await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(2), requester: "discord:b"));
        var expected = mine.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id.ToString("D"), StringComparer.Ordinal).Select(j => j.Id).ToList();
        var listed = await Jobs.ListAsync(new JobQuery { RequesterKey = "discord:a" }, Ct);
        Assert.Equal(expected, listed.Select(j => j.Id));

        // Forward, two a page, each page from the last job of the one before (as read back from the store).
        var walked = new List<Guid>();
        JobPosition? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await Jobs.ListAsync(new JobQuery { RequesterKey = "discord:a", OlderThan = after, Limit = 2 }, Ct);
            if (page.Count == 0)
            {
                break;
            }

            walked.AddRange(page.Select(j => j.Id));
            after = JobPosition.Of(page[^1]);
        }

        Assert.Equal(expected, walked);

        // Back: the page just before a position, read from its end (nearest first).
        var oldest = JobPosition.Of(listed[^1]);
        var back = await Jobs.ListAsync(new JobQuery { RequesterKey = "discord:a", NewerThan = oldest, OldestFirst = true, Limit = 2 }, Ct);
        Assert.Equal([expected[3], expected[2]], back.Select(j => j.Id));
        Assert.Equal(
            [expected[1], expected[2]],
            (await Jobs.ListAsync(new JobQuery { RequesterKey = "discord:a", NewerThan = JobPosition.Of(listed[3]), OlderThan = JobPosition.Of(listed[0]) }, Ct)).Select(j => j.Id));

        Assert.Equal(4, await Jobs.CountAsync(new JobQuery { RequesterKey = "discord:a", NewerThan = oldest }, Ct));
        Assert.Equal(2, await Jobs.CountAsync(new JobQuery { RequesterKey = "discord:a", OlderThan = JobPosition.Of(listed[2]) }, Ct));
        Assert.Equal(0, await Jobs.CountAsync(new JobQuery { RequesterKey = "discord:a", OlderThan = oldest }, Ct));
    }

    [Fact]
    public async Task Updated_since_finds_a_job_created_earlier_but_written_since_and_leaves_older_writes_out()
    {
        // Usage counts spend on the day it is spent: a job created yesterday and submitted today must be found today.
        var old = await InsertAsync(TestJobs.New(TestJobs.T0.AddDays(-1)));
        var touched = await InsertAsync(TestJobs.New(TestJobs.T0.AddDays(-1)));
        var written = await Jobs.TryUpdateAsync(touched with { UpdatedAt = TestJobs.T0.AddMinutes(5), State = JobState.Preparing }, null, Ct);
        Assert.NotNull(written);
        var fresh = await InsertAsync(TestJobs.New(TestJobs.T0.AddMinutes(6)));

        var since = new JobQuery { UpdatedSince = TestJobs.T0 };
        Assert.Equal([fresh.Id, touched.Id], (await Jobs.ListAsync(since, Ct)).Select(j => j.Id));
        Assert.Equal(2, await Jobs.CountAsync(since, Ct));
        Assert.DoesNotContain(old.Id, (await Jobs.ListAsync(since with { CreatedSince = TestJobs.T0.AddDays(-2) }, Ct)).Select(j => j.Id));
    }

    [Fact]
    public async Task Queue_position_counts_queued_jobs_by_creation_and_is_zero_when_not_queued()
    {
        var first = await InsertAsync(TestJobs.New(TestJobs.T0.AddSeconds(1)));
        var running = await InsertAsync(TestJobs.New(TestJobs.T0.AddSeconds(2), JobState.Polling));
        var second = await InsertAsync(TestJobs.New(TestJobs.T0.AddSeconds(3)));
        var third = await InsertAsync(TestJobs.New(TestJobs.T0.AddSeconds(4)));

        Assert.Equal(1, await Jobs.GetQueuePositionAsync(first.Id, Ct));
        Assert.Equal(2, await Jobs.GetQueuePositionAsync(second.Id, Ct));
        Assert.Equal(3, await Jobs.GetQueuePositionAsync(third.Id, Ct));
        Assert.Equal(0, await Jobs.GetQueuePositionAsync(running.Id, Ct));
        Assert.Equal(0, await Jobs.GetQueuePositionAsync(Guid.NewGuid(), Ct));

        await Jobs.TryUpdateAsync(first with { State = JobState.Preparing }, null, Ct);
        Assert.Equal(1, await Jobs.GetQueuePositionAsync(second.Id, Ct));
    }
}

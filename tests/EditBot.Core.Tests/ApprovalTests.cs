using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;

namespace EditBot.Core.Tests;

public sealed class ApprovalTests
{
    [Fact]
    public async Task A_job_awaiting_approval_is_not_worked_on_until_approved()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync(needsApproval: true);
        Assert.Equal(JobState.AwaitingApproval, job.State);

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);
        Assert.Equal(JobState.AwaitingApproval, (await engine.GetAsync(job.Id)).State);
        Assert.Equal(0, await engine.JobService.GetQueuePositionAsync(job.Id, CancellationToken.None));

        var approved = await engine.JobService.ApproveAsync(job.Id, "Approved by a moderator", CancellationToken.None);
        Assert.Equal(JobCommandOutcome.Applied, approved.Outcome);
        Assert.Equal(1, await engine.JobService.GetQueuePositionAsync(job.Id, CancellationToken.None));

        var done = await engine.RunUntilSettledAsync(job.Id);
        Assert.Equal(JobState.Done, done.State);
        var first = (await engine.EventsAsync(job.Id)).Take(2).ToList();
        Assert.Equal((JobState.Received, JobState.AwaitingApproval), (first[0].From, first[0].To));
        Assert.Equal((JobState.AwaitingApproval, JobState.Queued, "Approved by a moderator"), (first[1].From, first[1].To, first[1].Reason));
    }

    [Fact]
    public async Task A_rejected_job_ends_rejected_with_the_reason_and_cannot_be_approved_afterwards()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync(needsApproval: true);

        var rejected = await engine.JobService.RejectAsync(job.Id, "Not on this server", CancellationToken.None);
        var approve = await engine.JobService.ApproveAsync(job.Id, "oops", CancellationToken.None);

        Assert.Equal(JobState.Rejected, rejected.Job!.State);
        Assert.NotNull(rejected.Job.CompletedAt);
        Assert.Equal(JobCommandOutcome.NotAllowed, approve.Outcome);
        Assert.Contains(await engine.EventsAsync(job.Id), e => e.To == JobState.Rejected && e.Reason == "Not on this server");
    }

    [Fact]
    public async Task A_queued_job_cannot_be_rejected_or_approved()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync();

        Assert.Equal(JobCommandOutcome.NotAllowed, (await engine.JobService.RejectAsync(job.Id, "x", CancellationToken.None)).Outcome);
        Assert.Equal(JobCommandOutcome.NotAllowed, (await engine.JobService.ApproveAsync(job.Id, "x", CancellationToken.None)).Outcome);
    }
}

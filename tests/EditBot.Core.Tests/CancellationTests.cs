using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;

namespace EditBot.Core.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_a_queued_job_cancels_it_at_once_and_it_is_never_submitted()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync();

        var result = await engine.JobService.CancelAsync(job.Id, "changed my mind", CancellationToken.None);
        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        Assert.Equal(JobCommandOutcome.Applied, result.Outcome);
        var cancelled = await engine.GetAsync(job.Id);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Empty(engine.Backend.Submits);
        Assert.Contains(await engine.EventsAsync(job.Id), e => e.To == JobState.Cancelled && e.Reason == "changed my mind");
    }

    [Fact]
    public async Task Cancelling_a_polling_job_stops_it_and_its_results_are_never_delivered()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync();
        await engine.Worker.RunDueOnceAsync(CancellationToken.None);
        Assert.Equal(JobState.Polling, (await engine.GetAsync(job.Id)).State);

        var result = await engine.JobService.CancelAsync(job.Id, "too slow", CancellationToken.None);
        var final = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(JobCommandOutcome.Applied, result.Outcome);
        Assert.Equal(JobState.Cancelled, final.State);
        Assert.Empty(engine.Delivery.Delivered);
        Assert.Empty(engine.Backend.Polls);
    }

    [Fact]
    public async Task Cancelling_a_leased_job_flags_it_and_the_worker_cancels_at_its_next_step()
    {
        await using var engine = new EngineHarness();
        engine.Backend.HoldSubmit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = await engine.EnqueueAsync();

        var run = engine.Worker.RunDueOnceAsync(CancellationToken.None);
        await engine.Backend.SubmitStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var result = await engine.JobService.CancelAsync(job.Id, "stop", CancellationToken.None);
        Assert.Equal(JobCommandOutcome.CancelRequested, result.Outcome);
        Assert.True((await engine.GetAsync(job.Id)).CancelRequested);

        engine.Backend.HoldSubmit.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var final = await engine.GetAsync(job.Id);
        Assert.Equal(JobState.Cancelled, final.State);
        Assert.Null(final.LeaseOwner);
        Assert.Equal("req-1", final.RemoteRequestId);
        Assert.Empty(engine.Delivery.Delivered);
        var events = await engine.EventsAsync(job.Id);
        Assert.Contains(events, e => e.To == JobState.Submitted);
        Assert.Contains(events, e => e.Reason == "Cancel requested: stop");
    }

    [Fact]
    public async Task Cancelling_a_job_awaiting_approval_works_and_a_finished_job_cannot_be_cancelled()
    {
        await using var engine = new EngineHarness();
        var waiting = await engine.EnqueueAsync(needsApproval: true);
        Assert.Equal(JobCommandOutcome.Applied, (await engine.JobService.CancelAsync(waiting.Id, "nah", CancellationToken.None)).Outcome);

        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);
        var late = await engine.JobService.CancelAsync(done.Id, "too late", CancellationToken.None);
        Assert.Equal(JobCommandOutcome.NotAllowed, late.Outcome);
        Assert.Equal(JobState.Done, late.Job!.State);

        Assert.Equal(JobCommandOutcome.NotFound, (await engine.JobService.CancelAsync(Guid.NewGuid(), "x", CancellationToken.None)).Outcome);
    }
}

using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Core.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task A_user_command_that_loses_a_write_race_rereads_and_decides_again()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync(needsApproval: true);
        engine.Jobs.InterleavedWrite = j => j with { State = JobState.Rejected, CompletedAt = engine.Time.GetUtcNow() };

        var result = await engine.JobService.ApproveAsync(job.Id, "ok", CancellationToken.None);

        Assert.Equal(JobCommandOutcome.NotAllowed, result.Outcome);
        Assert.Equal(JobState.Rejected, (await engine.GetAsync(job.Id)).State);
    }

    [Fact]
    public async Task A_worker_save_that_races_a_cancel_request_keeps_both_its_progress_and_the_request()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync();
        engine.Jobs.InterleavedWrite = j => j with { CancelRequested = true };

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        var final = await engine.GetAsync(job.Id);
        Assert.Equal(JobState.Cancelled, final.State);
        Assert.Contains(await engine.EventsAsync(job.Id), e => e is { From: JobState.Queued, To: JobState.Preparing });
        Assert.Empty(engine.Backend.Submits);
    }

    [Fact]
    public async Task A_worker_that_lost_its_job_to_another_worker_stops_without_writing()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync();
        engine.Jobs.InterleavedWrite = j => j with { LeaseOwner = "worker-b", LeaseUntil = engine.Time.GetUtcNow() + TimeSpan.FromMinutes(2) };

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        var stolen = await engine.GetAsync(job.Id);
        Assert.Equal("worker-b", stolen.LeaseOwner);
        Assert.Equal(JobState.Queued, stolen.State);
    }

    [Fact]
    public async Task A_wake_signal_sent_before_the_wait_is_not_lost()
    {
        var signal = new WorkSignal();
        var time = new FakeTimeProvider();
        signal.Notify();

        await signal.WaitAsync(TimeSpan.FromHours(1), time, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var waiting = signal.WaitAsync(TimeSpan.FromHours(1), time, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        signal.Notify();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_idle_wait_ends_after_the_idle_delay_on_the_fake_clock()
    {
        var signal = new WorkSignal();
        var time = new FakeTimeProvider();
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(1), time, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }
}

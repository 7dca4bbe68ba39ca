using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;
using EditBot.TestSupport;

namespace EditBot.Core.Tests;

public sealed class WorkerHostingTests
{
    [Fact]
    public async Task The_running_worker_wakes_on_enqueue_without_waiting_for_the_idle_delay()
    {
        // The fake clock never moves, so only the in-process signal can wake the idle worker.
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:IdleDelay"] = "00:01:00", ["Engine:LeaseDuration"] = "00:05:00" });
        using var stop = new CancellationTokenSource();
        await engine.Worker.StartAsync(stop.Token);
        try
        {
            await Task.Yield();
            var job = await engine.EnqueueAsync();
            await Eventually.WaitUntilAsync(async () => (await engine.GetAsync(job.Id)).State == JobState.Polling, "the job to be polling");
        }
        finally
        {
            await engine.Worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Shutdown_lets_the_running_step_finish_then_releases_the_lease_for_a_restart()
    {
        await using var engine = new EngineHarness();
        engine.Backend.HoldSubmit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = await engine.EnqueueAsync();
        await engine.Worker.StartAsync(CancellationToken.None);
        await engine.Backend.SubmitStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = engine.Worker.StopAsync(CancellationToken.None);
        engine.Backend.HoldSubmit.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        var stopped = await engine.GetAsync(job.Id);
        Assert.Equal(JobState.Submitted, stopped.State);
        Assert.Null(stopped.LeaseOwner);
        Assert.Equal(0, engine.Status.InFlight);

        var claimed = await engine.Jobs.ClaimDueAsync("restarted", engine.Time.GetUtcNow(), TimeSpan.FromMinutes(2), 10, null, CancellationToken.None);
        Assert.Equal(job.Id, Assert.Single(claimed).Id);
    }

    [Fact]
    public async Task A_step_outliving_the_shutdown_timeout_is_aborted_and_its_lease_released_with_the_intent_kept()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:ShutdownTimeout"] = "00:00:00" });
        engine.Backend.HoldSubmit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = await engine.EnqueueAsync();
        await engine.Worker.StartAsync(CancellationToken.None);
        await engine.Backend.SubmitStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await engine.Worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var stopped = await engine.GetAsync(job.Id);
        Assert.Equal(JobState.Submitting, stopped.State);
        Assert.NotNull(stopped.SubmitIntentAt);
        Assert.Null(stopped.LeaseOwner);
    }
}

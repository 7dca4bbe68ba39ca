using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Core.Tests;

/// <summary>
/// A step that outlives its lease: the same process claims the job again (same worker id) and runs it. The first run
/// must then be fenced off: its writes fail and it never posts. Counted at the backend: POSTs it received.
/// </summary>
public sealed class LeaseFencingTests
{
    /// <summary>Holds the first submission check until released; every later one passes at once.</summary>
    private sealed class FirstCheckHeld : ISubmissionGate
    {
        private int _calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled { get; private set; }

        public async ValueTask<JobFailure?> CheckAsync(Job job, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Entered.SetResult();
                try
                {
                    await Release.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Cancelled = true;
                    throw;
                }
            }

            return null;
        }
    }

    // Old code: both runs leased as "worker-a", so the stalled run merged its write over the second claim and posted
    // too: 2 POSTs for one job (Assert.Single failed with 2 submits).
    [Fact]
    public async Task A_lease_lost_mid_step_never_submits()
    {
        var gate = new FirstCheckHeld();
        await using var engine = new EngineHarness(configure: s => s.AddSingleton<ISubmissionGate>(gate));
        var job = await engine.EnqueueAsync();
        engine.Backend.HoldSubmit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var stalled = engine.Worker.RunDueOnceAsync(CancellationToken.None);
        await gate.Entered.Task;
        engine.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var second = engine.Worker.RunDueOnceAsync(CancellationToken.None);
        // The second claim waits for the spend lock the stalled step holds in its gate; releasing the gate lets the
        // stalled step try to record its intent (fenced off) and the second claim submit.
        gate.Release.SetResult();
        await engine.Backend.SubmitStarted.Task;
        // Either the stalled run gives up, or it reaches the backend with a second POST (held there like the first).
        await Eventually.WaitUntilAsync(() => stalled.IsCompleted || engine.Backend.Submits.Count > 1, "the stalled step to end or a second submit");

        Assert.Single(engine.Backend.Submits);
        await stalled;
        engine.Backend.HoldSubmit.SetResult();
        await second;
        var done = await engine.RunUntilSettledAsync(job.Id);
        Assert.Equal(JobState.Done, done.State);
        Assert.Single(engine.Backend.Submits);
    }

    // Old code: the keeper only stopped renewing a lease another claim had taken; the step ran on (the gate was never
    // cancelled, so Eventually timed out waiting for it).
    [Fact]
    public async Task A_step_whose_lease_was_taken_is_cancelled_before_it_submits()
    {
        var gate = new FirstCheckHeld();
        await using var engine = new EngineHarness(configure: s => s.AddSingleton<ISubmissionGate>(gate));
        var job = await engine.EnqueueAsync();
        using var stop = new CancellationTokenSource();
        await engine.Worker.StartAsync(stop.Token);
        try
        {
            await gate.Entered.Task;
            engine.Jobs.InterleavedWrite = j => j with { LeaseOwner = "worker-b", LeaseUntil = engine.Time.GetUtcNow() + TimeSpan.FromMinutes(2) };
            await engine.Jobs.TryUpdateAsync((await engine.GetAsync(job.Id)) with { Version = -1 }, null, CancellationToken.None);
            engine.Time.Advance(TimeSpan.FromSeconds(30));

            await Eventually.WaitUntilAsync(() => gate.Cancelled, "the gate to be cancelled");
            Assert.Empty(engine.Backend.Submits);
            Assert.Equal("worker-b", (await engine.GetAsync(job.Id)).LeaseOwner);
        }
        finally
        {
            gate.Release.TrySetResult();
            await engine.Worker.StopAsync(CancellationToken.None);
        }
    }

    // The store measures the lease from its own clock at the write, so a claim that reached it late holds a lease that
    // ends late too; the worker must still stop by its own deadline, taken before the claim. Checked against a worker
    // that took the stored expiry as its deadline: the step ran on past it (Eventually timed out waiting for the cancel).
    [Fact]
    public async Task A_step_whose_renewals_fail_is_cancelled_by_the_deadline_taken_before_its_claim()
    {
        var gate = new FirstCheckHeld();
        // The figures below are for a two-minute lease (the default before issue 15 shortened it to 20 s).
        await using var engine = new EngineHarness(
            new Dictionary<string, string?> { ["Engine:LeaseDuration"] = "00:02:00" }, s => s.AddSingleton<ISubmissionGate>(gate));
        var job = await engine.EnqueueAsync();
        var claimedAt = engine.Time.GetUtcNow();
        engine.Jobs.BeforeNextClaim = () => engine.Time.Advance(TimeSpan.FromMinutes(1));
        engine.Jobs.RenewalError = new TimeoutException("The store is out of reach.");
        using var stop = new CancellationTokenSource();
        await engine.Worker.StartAsync(stop.Token);
        try
        {
            await gate.Entered.Task;
            var storedUntil = (await engine.GetAsync(job.Id)).LeaseUntil!.Value;
            Assert.Equal(claimedAt + TimeSpan.FromMinutes(3), storedUntil);

            // Renewal rounds (a quarter of the two-minute lease each) fail until the worker's own deadline passes.
            engine.Time.Advance(TimeSpan.FromSeconds(30));
            engine.Time.Advance(TimeSpan.FromSeconds(30));

            await Eventually.WaitUntilAsync(() => gate.Cancelled, "the gate to be cancelled");
            Assert.Equal(claimedAt + TimeSpan.FromMinutes(2), engine.Time.GetUtcNow());
            Assert.True(engine.Time.GetUtcNow() < storedUntil, "cancelled while the stored lease was still live");
        }
        finally
        {
            gate.Release.TrySetResult();
            await engine.Worker.StopAsync(CancellationToken.None);
        }
    }
}

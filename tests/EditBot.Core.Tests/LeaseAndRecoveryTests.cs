using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;
using EditBot.TestSupport;

namespace EditBot.Core.Tests;

public sealed class LeaseAndRecoveryTests
{
    [Fact]
    public async Task A_lapsed_lease_of_a_crashed_worker_is_claimed_by_another_worker()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync();
        var crashed = await engine.Jobs.ClaimDueAsync("crashed-worker", engine.Time.GetUtcNow(), TimeSpan.FromMinutes(2), 10, null, CancellationToken.None);
        Assert.Single(crashed);

        Assert.Equal(0, await engine.Worker.RunDueOnceAsync(CancellationToken.None));
        engine.Time.Advance(TimeSpan.FromMinutes(2));
        var done = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Contains(await engine.EventsAsync(job.Id), e => e.Reason == "Picked up by worker-a");
    }

    [Fact]
    public async Task A_job_left_in_submitting_with_an_intent_is_reconciled_and_adopted_without_posting()
    {
        await using var engine = new EngineHarness();
        var job = await StageCrashInSubmittingAsync(engine);
        engine.Backend.Findable = ScriptedBackend.Processing("req-from-before-the-crash");

        var done = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal("req-from-before-the-crash", done.RemoteRequestId);
        Assert.Empty(engine.Backend.Submits);
        Assert.Equal(1, engine.Backend.FindCalls);
    }

    [Fact]
    public async Task A_job_left_in_submitting_with_nothing_found_remotely_is_posted_exactly_once()
    {
        await using var engine = new EngineHarness();
        var job = await StageCrashInSubmittingAsync(engine);

        var done = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Single(engine.Backend.Submits);
        Assert.Contains(await engine.EventsAsync(job.Id), e => e.Reason.Contains("posting again"));
    }

    // Review of issue 11: spend counts on the day of the submit intent, the day the gate judged it. A post after an
    // interrupted submit re-stamped the intent with the time of the second post, so the spend moved to another day.
    // Old code: SubmitIntentAt became the repost's time (3 minutes later).
    [Fact]
    public async Task A_post_after_an_interrupted_submit_keeps_the_intent_the_gate_judged()
    {
        await using var engine = new EngineHarness();
        var job = await StageCrashInSubmittingAsync(engine);
        var intent = (await engine.GetAsync(job.Id)).SubmitIntentAt;

        var done = await engine.RunUntilSettledAsync(job.Id);

        Assert.Single(engine.Backend.Submits);
        Assert.NotNull(intent);
        Assert.Equal(intent, done.SubmitIntentAt);
    }

    [Fact]
    public async Task A_failing_reconciliation_lookup_is_retried_and_never_falls_back_to_posting()
    {
        await using var engine = new EngineHarness();
        var job = await StageCrashInSubmittingAsync(engine);
        engine.Backend.FindErrors.Enqueue(new Backend.EditBackendException(Backend.BackendErrorKind.Transient, "502"));
        engine.Backend.Findable = ScriptedBackend.Processing("req-found-on-retry");

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);
        Assert.Empty(engine.Backend.Submits);
        var done = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal("req-found-on-retry", done.RemoteRequestId);
        Assert.Empty(engine.Backend.Submits);
    }

    [Fact]
    public async Task A_lease_is_renewed_while_a_long_step_runs()
    {
        await using var engine = new EngineHarness();
        engine.Backend.HoldSubmit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = await engine.EnqueueAsync();
        using var stop = new CancellationTokenSource();
        await engine.Worker.StartAsync(stop.Token);
        try
        {
            await engine.Backend.SubmitStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var before = (await engine.GetAsync(job.Id)).LeaseUntil!.Value;

            // Three renewal periods (a quarter of the lease each) pass while the POST hangs.
            for (var i = 0; i < 3; i++)
            {
                engine.Time.Advance(TimeSpan.FromSeconds(30));
            }

            await Eventually.WaitUntilAsync(async () => (await engine.GetAsync(job.Id)).LeaseUntil > before + TimeSpan.FromSeconds(60), "the lease to be renewed");
            Assert.StartsWith("worker-a/", (await engine.GetAsync(job.Id)).LeaseOwner, StringComparison.Ordinal);
        }
        finally
        {
            engine.Backend.HoldSubmit.TrySetResult();
            await engine.Worker.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Leaves the job as a worker that died right after saving its submit intent would.</summary>
    private static async Task<Job> StageCrashInSubmittingAsync(EngineHarness engine)
    {
        var job = await engine.EnqueueAsync();
        var now = engine.Time.GetUtcNow();
        var stored = await engine.GetAsync(job.Id);
        engine.Jobs.Put(stored with
        {
            State = JobState.Submitting,
            SubmitIntentAt = now,
            LeaseOwner = "dead-worker",
            LeaseUntil = now + TimeSpan.FromMinutes(2),
            Version = stored.Version + 1,
        });
        engine.Time.Advance(TimeSpan.FromMinutes(3));
        return job;
    }
}

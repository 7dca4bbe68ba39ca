using EditBot.Core.Backend;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Core.Tests.Fakes;
using EditBot.TestSupport.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Core.Tests;

public sealed class SubmissionTests
{
    [Theory]
    [InlineData(BackendErrorKind.InsufficientCredits, FailureCode.InsufficientCredits, "Insufficient credits")]
    [InlineData(BackendErrorKind.BadRequest, FailureCode.BadRequest, "payload.prompt is required")]
    [InlineData(BackendErrorKind.ContentPolicy, FailureCode.ContentPolicy, "moderation_blocked")]
    [InlineData(BackendErrorKind.Configuration, FailureCode.Configuration, "invalid api key")]
    public async Task Each_refused_submit_ends_with_its_failure_code_and_the_api_reason(BackendErrorKind kind, FailureCode code, string reason)
    {
        await using var engine = new EngineHarness();
        engine.Backend.SubmitErrors.Enqueue(new EditBackendException(kind, reason));

        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Failed, failed.State);
        Assert.Equal(code, failed.Failure!.Code);
        Assert.Equal(reason, failed.Failure.Message);
        Assert.Single(engine.Backend.Submits);
        Assert.Null(failed.SubmitIntentAt);
    }

    [Fact]
    public async Task A_configuration_error_pauses_all_submissions_until_resumed()
    {
        await using var engine = new EngineHarness();
        engine.Backend.SubmitErrors.Enqueue(new EditBackendException(BackendErrorKind.Configuration, "401: invalid api key"));
        var first = await engine.EnqueueAsync();
        await engine.RunUntilSettledAsync(first.Id);

        Assert.True(engine.Status.SubmissionsPaused);
        Assert.Equal("401: invalid api key", engine.Status.PauseReason);

        var second = await engine.EnqueueAsync();
        for (var i = 0; i < 3; i++)
        {
            await engine.Worker.RunDueOnceAsync(CancellationToken.None);
            engine.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var waiting = await engine.GetAsync(second.Id);
        Assert.Equal(JobState.Queued, waiting.State);
        Assert.Single(engine.Backend.Submits);

        engine.Status.ResumeSubmissions();
        var done = await engine.RunUntilSettledAsync(second.Id);
        Assert.Equal(JobState.Done, done.State);
        Assert.False(engine.Status.SubmissionsPaused);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after_with_the_intent_cleared()
    {
        await using var engine = new EngineHarness();
        engine.Backend.SubmitErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "429 Too Many Requests", TimeSpan.FromSeconds(40)));
        var job = await engine.EnqueueAsync();

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);
        var waiting = await engine.GetAsync(job.Id);

        Assert.Equal(JobState.Submitting, waiting.State);
        Assert.Null(waiting.SubmitIntentAt);
        Assert.Equal(1, waiting.Attempts);
        Assert.True(waiting.NextAttemptAt >= EngineHarness.Start + TimeSpan.FromSeconds(40));

        var done = await engine.RunUntilSettledAsync(job.Id);
        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(2, engine.Backend.Submits.Count);
        Assert.Equal(0, engine.Backend.FindCalls);
    }

    [Fact]
    public async Task A_5xx_that_may_have_been_accepted_is_reconciled_and_the_found_request_adopted_without_a_second_post()
    {
        await using var engine = new EngineHarness();
        engine.Backend.SubmitErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "502 Bad Gateway", maybeAccepted: true));
        engine.Backend.Findable = ScriptedBackend.Processing("req-lost");
        var job = await engine.EnqueueAsync();

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);
        var waiting = await engine.GetAsync(job.Id);
        Assert.NotNull(waiting.SubmitIntentAt);
        Assert.Null(waiting.RemoteRequestId);

        var done = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal("req-lost", done.RemoteRequestId);
        Assert.Single(engine.Backend.Submits);
        Assert.Equal(1, engine.Backend.FindCalls);
        Assert.Contains(await engine.EventsAsync(job.Id), e => e.Reason.Contains("adopted request req-lost"));
    }

    [Fact]
    public async Task When_reconciliation_finds_nothing_the_job_is_posted_exactly_once_more()
    {
        await using var engine = new EngineHarness();
        engine.Backend.SubmitErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "timeout", maybeAccepted: true));
        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(2, engine.Backend.Submits.Count);
        Assert.Equal(1, engine.Backend.FindCalls);
        Assert.Equal(1, done.Submissions);
    }

    [Fact]
    public async Task A_found_request_that_another_job_owns_is_not_adopted()
    {
        await using var engine = new EngineHarness();
        var other = await engine.EnqueueAsync();
        await engine.RunUntilSettledAsync(other.Id);
        var othersRequest = (await engine.GetAsync(other.Id)).RemoteRequestId!;

        engine.Backend.SubmitErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "timeout", maybeAccepted: true));
        engine.Backend.Findable = ScriptedBackend.Processing(othersRequest);
        var job = await engine.EnqueueAsync();
        var done = await engine.RunUntilSettledAsync(job.Id);

        Assert.NotEqual(othersRequest, done.RemoteRequestId);
        Assert.Equal(3, engine.Backend.Submits.Count);
    }

    [Fact]
    public async Task Transient_submit_errors_are_retried_with_backoff_then_fail_as_unavailable()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:MaxTransientAttempts"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            engine.Backend.SubmitErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "503 Service Unavailable"));
        }

        var job = await engine.EnqueueAsync();
        var failed = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(FailureCode.Unavailable, failed.Failure!.Code);
        Assert.Contains("503 Service Unavailable", failed.Failure.Message);
        Assert.Equal(3, engine.Backend.Submits.Count);
        var retries = (await engine.EventsAsync(job.Id)).Where(e => e.Reason.Contains("retrying in")).ToList();
        Assert.Equal(2, retries.Count);
        Assert.True(retries[1].At - retries[0].At >= TimeSpan.FromSeconds(1), "backoff should separate the attempts");
    }

    [Fact]
    public async Task A_submission_gate_refusal_fails_the_job_as_policy_refused_before_any_post()
    {
        await using var engine = new EngineHarness(configure: s => s.AddSingleton<ISubmissionGate>(new RefusingGate("Daily budget of this server is spent")));
        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(FailureCode.PolicyRefused, failed.Failure!.Code);
        Assert.Equal("Daily budget of this server is spent", failed.Failure.Message);
        Assert.Empty(engine.Backend.Submits);
    }

    [Fact]
    public async Task Uploading_inputs_is_retried_on_transient_errors()
    {
        await using var engine = new EngineHarness();
        engine.Backend.StageErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "503"));
        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
    }

    // Old code: each gate counted the intents already recorded (none), then each job recorded its own and posted:
    // two paid submissions against a rule that allows one.
    [Fact]
    public async Task Two_jobs_passing_the_gates_at_once_cannot_both_spend_what_only_one_may()
    {
        var admission = new ObservedAdmissionLock();
        var gate = new OneIntentAtATimeGate(admission);
        await using var engine = new EngineHarness(configure: s => s.AddSingleton<IAdmissionLock>(admission).AddSingleton<ISubmissionGate>(gate));
        gate.Jobs = engine.Jobs;
        var first = await engine.EnqueueAsync();
        var second = await engine.EnqueueAsync();

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        Assert.Single(engine.Backend.Submits);
        var refused = new[] { await engine.GetAsync(first.Id), await engine.GetAsync(second.Id) }.Single(j => j.State == JobState.Failed);
        Assert.Equal(FailureCode.PolicyRefused, refused.Failure?.Code);
    }

    // Review of issue 10: a spend lock that stayed busy for its whole wait was a step crash, counted as an attempt.
    // Old code: after Engine:MaxTransientAttempts (6) busy answers the job failed 'Submitting kept failing', unsent.
    [Fact]
    public async Task A_spend_lock_busy_for_its_whole_wait_delays_the_submit_without_counting_an_attempt()
    {
        var admission = new BusyAdmissionLock(busyAnswers: 10);
        await using var engine = new EngineHarness(configure: s => s.AddSingleton<IAdmissionLock>(admission).AddSingleton<ISubmissionGate>(new AllowingGate()));

        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(0, admission.BusyLeft);
        Assert.Single(engine.Backend.Submits);
    }

    private sealed class AllowingGate : ISubmissionGate
    {
        public ValueTask<JobFailure?> CheckAsync(Job job, CancellationToken cancellationToken) => ValueTask.FromResult<JobFailure?>(null);
    }

    private sealed class BusyAdmissionLock(int busyAnswers) : IAdmissionLock
    {
        private readonly InProcessAdmissionLock _inner = new();

        public int BusyLeft => Math.Max(0, Volatile.Read(ref busyAnswers));

        public ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken) =>
            key == AdmissionKeys.Spend && Interlocked.Decrement(ref busyAnswers) >= 0
                ? throw new AdmissionBusyException("busy for the test")
                : _inner.AcquireAsync(key, cancellationToken);
    }

    /// <summary>Allows a submission only while no other job has recorded an intent; holds the first check until the second caller arrives.</summary>
    private sealed class OneIntentAtATimeGate(ObservedAdmissionLock admission) : ISubmissionGate
    {
        private readonly TaskCompletionSource _secondChecked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _checks;

        public InMemoryJobStore? Jobs { get; set; }

        public async ValueTask<JobFailure?> CheckAsync(Job job, CancellationToken cancellationToken)
        {
            var others = (await Jobs!.ListAsync(new JobQuery { Limit = 100 }, cancellationToken)).Count(j => j.Id != job.Id && j.SubmitIntentAt is not null);
            if (Interlocked.Increment(ref _checks) == 1)
            {
                // Overlap the two decisions: wait until the other job has checked too (old code) or waits for the lock.
                await Task.WhenAny(_secondChecked.Task, admission.SecondWaiter.Task);
            }
            else
            {
                _secondChecked.TrySetResult();
            }

            return others > 0 ? new JobFailure(FailureCode.PolicyRefused, "Only one submission at a time") : null;
        }
    }

    private sealed class RefusingGate(string message) : ISubmissionGate
    {
        public ValueTask<JobFailure?> CheckAsync(Job job, CancellationToken cancellationToken) =>
            ValueTask.FromResult<JobFailure?>(new JobFailure(FailureCode.PolicyRefused, message));
    }
}

using EditBot.Core.Backend;
using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;

namespace EditBot.Core.Tests;

public sealed class PollingTests
{
    [Fact]
    public async Task A_rate_limited_remote_failure_is_resubmitted_after_a_pause_a_bounded_number_of_times()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:MaxRateLimitResubmits"] = "2" });
        engine.Backend.DefaultPoll = id => ScriptedBackend.Failed(id, RemoteFailureKind.RateLimited, "rate limit exceeded");
        var job = await engine.EnqueueAsync();

        var failed = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(FailureCode.RemoteFailed, failed.Failure!.Code);
        Assert.Contains("rate limit exceeded", failed.Failure.Message);
        Assert.Equal(3, engine.Backend.Submits.Count);
        Assert.Equal(3, failed.Submissions);
        var events = await engine.EventsAsync(job.Id);
        var resubmits = events.Where(e => e is { From: JobState.Polling, To: JobState.Submitting }).ToList();
        Assert.Equal(2, resubmits.Count);
        Assert.Contains("req-1", resubmits[0].Reason);
        Assert.Contains("req-2", resubmits[1].Reason);
        var nextSubmit = events.First(e => e.To == JobState.Submitted && e.At > resubmits[0].At);
        Assert.True(nextSubmit.At - resubmits[0].At >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_rate_limited_failure_followed_by_success_completes_the_job()
    {
        await using var engine = new EngineHarness();
        engine.Backend.PollScript.Enqueue(id => ScriptedBackend.Failed(id, RemoteFailureKind.RateLimited, "Rate limit reached"));
        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal("req-2", done.RemoteRequestId);
    }

    [Fact]
    public async Task A_content_policy_failure_is_never_resubmitted()
    {
        await using var engine = new EngineHarness();
        engine.Backend.DefaultPoll = id => ScriptedBackend.Failed(id, RemoteFailureKind.ContentPolicy, "moderation_blocked");
        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(FailureCode.ContentPolicy, failed.Failure!.Code);
        Assert.Equal("moderation_blocked", failed.Failure.Message);
        Assert.Single(engine.Backend.Submits);
    }

    [Fact]
    public async Task Another_remote_failure_ends_as_remote_failed_with_its_reason()
    {
        await using var engine = new EngineHarness();
        engine.Backend.DefaultPoll = id => ScriptedBackend.Failed(id, RemoteFailureKind.Other, "worker out of memory");
        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(FailureCode.RemoteFailed, failed.Failure!.Code);
        Assert.Contains("worker out of memory", failed.Failure.Message);
        Assert.Single(engine.Backend.Submits);
    }

    [Fact]
    public async Task A_job_still_running_after_the_maximum_duration_times_out()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:MaxJobDuration"] = "00:05:00" });
        engine.Backend.DefaultPoll = ScriptedBackend.Processing;
        var job = await engine.EnqueueAsync();

        var failed = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(FailureCode.TimedOut, failed.Failure!.Code);
        var elapsed = failed.CompletedAt!.Value - failed.SubmittedAt!.Value;
        Assert.InRange(elapsed, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.InRange(failed.Polls, 5, 60);
    }

    [Fact]
    public async Task Transient_poll_errors_are_retried()
    {
        await using var engine = new EngineHarness();
        engine.Backend.GetErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "500 Internal Server Error"));
        engine.Backend.GetErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "429", TimeSpan.FromSeconds(5)));
        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(3, engine.Backend.Polls.Count);
    }

    [Fact]
    public async Task Polls_over_the_shared_budget_are_deferred_not_dropped()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?>
        {
            ["Engine:PollBudgetPerSecond"] = "0.5",
            ["Engine:PollBurst"] = "1",
        });
        engine.Backend.DefaultPoll = ScriptedBackend.Processing;
        var jobs = new List<Job>();
        for (var i = 0; i < 4; i++)
        {
            jobs.Add(await engine.EnqueueAsync());
        }

        // Bring all four to Polling, then to their first poll time, which they share.
        await engine.Worker.RunDueOnceAsync(CancellationToken.None);
        var firstPoll = (await engine.GetAsync(jobs[0].Id)).NextAttemptAt!.Value;
        engine.Time.Advance(firstPoll - engine.Time.GetUtcNow());
        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        Assert.Single(engine.Backend.Polls);
        var deferred = new List<DateTimeOffset>();
        foreach (var job in jobs)
        {
            var current = await engine.GetAsync(job.Id);
            Assert.Equal(JobState.Polling, current.State);
            if (current.Polls == 0)
            {
                deferred.Add(current.NextAttemptAt!.Value);
            }
        }

        Assert.Equal(3, deferred.Count);
        Assert.Equal(3, deferred.Distinct().Count());
        Assert.All(deferred, at => Assert.True(at >= engine.Time.GetUtcNow() + TimeSpan.FromSeconds(1.9)));
    }

    [Fact]
    public async Task An_unexpected_error_in_a_step_is_retried_with_backoff_and_finally_reported()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:MaxTransientAttempts"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            engine.Backend.GetErrors.Enqueue(new InvalidOperationException("parser bug"));
        }

        var job = await engine.EnqueueAsync();
        await engine.Worker.RunDueOnceAsync(CancellationToken.None);
        var polling = await engine.GetAsync(job.Id);
        engine.Time.Advance(polling.NextAttemptAt!.Value - engine.Time.GetUtcNow());
        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        var retried = await engine.GetAsync(job.Id);
        Assert.Equal(JobState.Polling, retried.State);
        Assert.Null(retried.LeaseOwner);
        Assert.True(retried.NextAttemptAt > engine.Time.GetUtcNow());

        var failed = await engine.RunUntilSettledAsync(job.Id);
        Assert.Equal(FailureCode.Unavailable, failed.Failure!.Code);
        Assert.Contains("parser bug", failed.Failure.Message);
    }
}

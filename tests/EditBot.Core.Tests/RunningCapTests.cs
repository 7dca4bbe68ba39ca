using EditBot.Core.Backend;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Core.Tests;

public sealed class RunningCapTests
{
    [Fact]
    public async Task A_requester_at_the_running_cap_has_further_jobs_wait_in_the_queue()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:MaxRunningPerRequester"] = "1" });
        engine.Backend.PollScript.Enqueue(ScriptedBackend.Processing);
        var first = await engine.EnqueueAsync();
        await engine.RunUntilSettledAsync(first.Id, j => j.State == JobState.Polling);

        var second = await engine.EnqueueAsync();
        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        var waiting = await engine.GetAsync(second.Id);
        Assert.Equal(JobState.Queued, waiting.State);
        Assert.Equal(engine.Time.GetUtcNow() + TimeSpan.FromSeconds(2), waiting.NextAttemptAt);
    }

    [Fact]
    public async Task A_held_back_job_starts_once_the_requesters_running_job_ends()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:MaxRunningPerRequester"] = "1" });
        var first = await engine.EnqueueAsync();
        var second = await engine.EnqueueAsync();

        var done = await engine.RunUntilSettledAsync(second.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(JobState.Done, (await engine.GetAsync(first.Id)).State);
        var firstEnd = (await engine.EventsAsync(first.Id)).Single(e => e.To == JobState.Done).At;
        var secondStart = (await engine.EventsAsync(second.Id)).Single(e => e.To == JobState.Preparing).At;
        Assert.True(secondStart >= firstEnd, $"second started {secondStart:O}, first ended {firstEnd:O}");
    }

    [Fact]
    public async Task Without_a_cap_a_requesters_jobs_run_side_by_side()
    {
        await using var engine = new EngineHarness();
        engine.Backend.PollScript.Enqueue(ScriptedBackend.Processing);
        engine.Backend.PollScript.Enqueue(ScriptedBackend.Processing);
        var first = await engine.EnqueueAsync();
        var second = await engine.EnqueueAsync();

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        Assert.NotEqual(JobState.Queued, (await engine.GetAsync(first.Id)).State);
        Assert.NotEqual(JobState.Queued, (await engine.GetAsync(second.Id)).State);
    }

    // Old code: both pick-ups counted 0 running before either moved its job, so both started: 2 running for a cap of 1.
    [Fact]
    public async Task Two_pick_ups_of_one_requesters_jobs_at_once_start_only_one_under_a_cap_of_one()
    {
        var admission = new ObservedAdmissionLock();
        await using var engine = new EngineHarness(
            new Dictionary<string, string?> { ["Engine:MaxRunningPerRequester"] = "1" },
            services => services.AddSingleton<IAdmissionLock>(admission));
        engine.Backend.PollScript.Enqueue(ScriptedBackend.Processing);
        engine.Backend.PollScript.Enqueue(ScriptedBackend.Processing);
        var first = await engine.EnqueueAsync();
        var second = await engine.EnqueueAsync();
        var counts = 0;
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.Jobs.AfterCount = async _ =>
        {
            if (Interlocked.Increment(ref counts) == 1)
            {
                // Hold the first count until the other pick-up has either counted too (old code) or is waiting for
                // the lock the first holds (new code); either way the two decisions overlap.
                await Task.WhenAny(secondArrived.Task, admission.SecondWaiter.Task);
            }
            else
            {
                secondArrived.TrySetResult();
            }
        };

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        var states = new[] { (await engine.GetAsync(first.Id)).State, (await engine.GetAsync(second.Id)).State };
        Assert.Single(states, s => s == JobState.Queued);
    }
}

using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using EditBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Core.Tests;

public sealed class PeriodicSweepTests
{
    // Review of issue 11: an HTTP timeout inside a sweep throws TaskCanceledException while nobody asked the sweep to
    // stop. The filter took any OperationCanceledException for shutdown. Old code: the exception left ExecuteAsync,
    // the background service failed (stopping the host under the default BackgroundServiceExceptionBehavior) and the
    // sweep never ran again.
    [Fact]
    public async Task A_sweep_that_times_out_is_run_again_at_the_next_tick()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var sweep = new CountingSweep(time, timeOutFirst: true);

        await sweep.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => sweep.Runs == 1, "the first sweep");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitUntilAsync(() => sweep.Runs == 2, "the second sweep");
        await sweep.StopAsync(CancellationToken.None);

        Assert.False(sweep.ExecuteTask?.IsFaulted);
    }

    [Fact]
    public async Task Stopping_ends_the_sweep_quietly()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var sweep = new CountingSweep(time, timeOutFirst: false);

        await sweep.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => sweep.Runs == 1, "the first sweep");
        await sweep.StopAsync(CancellationToken.None);

        Assert.True(sweep.ExecuteTask?.IsCompletedSuccessfully);
    }

    // Issue 15: a sweep is singleton work. Old code: every instance swept on its own timer.
    [Fact]
    public async Task Only_the_leader_of_the_sweep_runs_it_and_an_instance_that_becomes_leader_sweeps_at_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var election = new ScriptedElection();
        using var sweep = new CountingSweep(time, timeOutFirst: false, election);

        await sweep.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => election.Waiting, "the sweep to wait for its election");
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(0, sweep.Runs);
        Assert.Equal("counting", election.Task);

        election.Win();
        await Eventually.WaitUntilAsync(() => sweep.Runs >= 1, "the new leader's first sweep");
        await sweep.StopAsync(CancellationToken.None);
    }

    private sealed class ScriptedElection : ILeaderElection
    {
        private readonly TaskCompletionSource _won = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Waiting { get; private set; }

        public string? Task { get; private set; }

        public IReadOnlyCollection<string> Candidacies => Task is null ? [] : [Task];

        public bool IsLeader(string task) => _won.Task.IsCompleted;

        public System.Threading.Tasks.Task WaitForLeadershipAsync(string task, CancellationToken cancellationToken)
        {
            Task = task;
            Waiting = true;
            return _won.Task.WaitAsync(cancellationToken);
        }

        public void Win() => _won.TrySetResult();
    }

    private sealed class CountingSweep(TimeProvider time, bool timeOutFirst, ILeaderElection? leaders = null) : PeriodicSweep(time, NullLogger.Instance, leaders)
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

        protected override string Name => "counting";

        protected override Task SweepAsync(CancellationToken cancellationToken)
        {
            var run = Interlocked.Increment(ref _runs);
            return timeOutFirst && run == 1
                ? throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.")
                : Task.CompletedTask;
        }
    }
}

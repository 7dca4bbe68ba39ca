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

    private sealed class CountingSweep(TimeProvider time, bool timeOutFirst) : PeriodicSweep(time, NullLogger.Instance)
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

using EditBot.Bot.Progress;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Tests.Bot;

public class ProgressCoalescerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private sealed class Recorder
    {
        private readonly List<(Guid Key, string Value, DateTimeOffset At)> _sent = [];
        private readonly SemaphoreSlim _signal = new(0);

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

        public IReadOnlyList<(Guid Key, string Value, DateTimeOffset At)> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public ProgressCoalescer<string> Create() => new(Time, Interval, (key, value, _) =>
        {
            lock (_sent)
            {
                _sent.Add((key, value, Time.GetUtcNow()));
            }

            _signal.Release();
            return Task.CompletedTask;
        }, NullLogger.Instance);

        public async Task WaitForSendAsync() => Assert.True(await _signal.WaitAsync(Patience), "no update was sent");

        public async Task<bool> AnotherSendWithinAsync(TimeSpan realTime) => await _signal.WaitAsync(realTime);
    }

    [Fact]
    public async Task The_first_update_goes_at_once_and_a_burst_after_it_is_coalesced_into_the_newest()
    {
        var recorder = new Recorder();
        var coalescer = recorder.Create();
        var job = Guid.NewGuid();

        coalescer.Submit(job, "queued");
        await recorder.WaitForSendAsync();
        coalescer.Submit(job, "preparing");
        coalescer.Submit(job, "submitting");
        coalescer.Submit(job, "polling");

        Assert.False(await recorder.AnotherSendWithinAsync(TimeSpan.FromMilliseconds(200)));
        recorder.Time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(await recorder.AnotherSendWithinAsync(TimeSpan.FromMilliseconds(200)));
        recorder.Time.Advance(TimeSpan.FromMilliseconds(1));
        await recorder.WaitForSendAsync();

        Assert.Equal(["queued", "polling"], recorder.Sent.Select(s => s.Value));
        Assert.Equal(Interval, recorder.Sent[1].At - recorder.Sent[0].At);
    }

    [Fact]
    public async Task Different_jobs_do_not_wait_for_each_other()
    {
        var recorder = new Recorder();
        var coalescer = recorder.Create();

        coalescer.Submit(Guid.NewGuid(), "a");
        coalescer.Submit(Guid.NewGuid(), "b");
        await recorder.WaitForSendAsync();
        await recorder.WaitForSendAsync();

        Assert.Equal(["a", "b"], recorder.Sent.Select(s => s.Value).Order());
    }

    [Fact]
    public async Task A_final_update_is_sent_and_the_job_is_forgotten()
    {
        var recorder = new Recorder();
        var coalescer = recorder.Create();
        var job = Guid.NewGuid();

        coalescer.Submit(job, "failed", final: true);
        await recorder.WaitForSendAsync();

        for (var i = 0; i < 100 && coalescer.ActiveKeys > 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, coalescer.ActiveKeys);
    }

    [Fact]
    public async Task Closing_drops_waiting_updates_without_waiting_for_the_clock()
    {
        var recorder = new Recorder();
        var coalescer = recorder.Create();
        var job = Guid.NewGuid();
        coalescer.Submit(job, "fetching");
        await recorder.WaitForSendAsync();
        coalescer.Submit(job, "delivering");

        // The fake clock never moves: closing must not wait for the interval.
        await coalescer.CloseAsync(job, CancellationToken.None).WaitAsync(Patience);
        recorder.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(await recorder.AnotherSendWithinAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(["fetching"], recorder.Sent.Select(s => s.Value));
        Assert.Equal(0, coalescer.ActiveKeys);
    }

    [Fact]
    public async Task Closing_waits_for_a_send_under_way()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var time = new FakeTimeProvider();
        var coalescer = new ProgressCoalescer<string>(time, Interval, async (_, _, _) =>
        {
            started.TrySetResult();
            await release.Task;
        }, NullLogger.Instance);
        var job = Guid.NewGuid();
        coalescer.Submit(job, "polling");
        await started.Task.WaitAsync(Patience);

        var closing = coalescer.CloseAsync(job, CancellationToken.None);
        // Nothing but the send under way can complete the close, so it is still open whatever the scheduling.
        await Task.Yield();
        Assert.False(closing.IsCompleted);
        release.SetResult();
        await closing.WaitAsync(Patience);
    }
}

using System.Collections.Concurrent;
using EditBot.Core.Backend;
using EditBot.Core.Polling;
using EditBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Core.Tests;

/// <summary>The poll step tells the polling policy what the polls saw: the request waiting, or since when it processes.</summary>
public sealed class PollSightingTests
{
    private static readonly DurationKey Key = new("MEDIUM", "1024X1024", 1);

    [Fact]
    public async Task A_request_seen_processing_after_a_long_queue_wait_is_polled_from_its_processing_start()
    {
        await using var engine = new EngineHarness();
        var processingFrom = EngineHarness.Start + TimeSpan.FromSeconds(200);
        engine.Backend.DefaultPoll = id => engine.Time.GetUtcNow() < processingFrom ? ScriptedBackend.Queued(id) : ScriptedBackend.Processing(id);
        var job = await engine.EnqueueAsync();

        var seen = await engine.RunUntilSettledAsync(job.Id, j => j.RemoteStatus == "processing");

        // 200 s after submission a job of median 30 s is deep in its tail, where polls back off to the 30 s cap; but
        // processing began only since the poll before, so the result is still a processing time away and near.
        var policy = engine.Services.GetRequiredService<AdaptivePollingPolicy>();
        var elapsed = seen.UpdatedAt - seen.SubmittedAt!.Value;
        var next = seen.NextAttemptAt!.Value - seen.UpdatedAt;
        Assert.True(elapsed >= TimeSpan.FromSeconds(200));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.NextPollDelay(Key, elapsed));
        Assert.True(next < TimeSpan.FromSeconds(15), $"next poll {next.TotalSeconds:0.0} s after processing was first seen");
    }

    [Fact]
    public async Task Once_a_key_was_seen_processing_a_request_still_queued_is_polled_as_if_just_submitted()
    {
        await using var engine = new EngineHarness();
        var answers = new ConcurrentDictionary<string, int>();
        // Four requests go queued, processing, done; the fifth stays queued.
        engine.Backend.DefaultPoll = id => (id, answers.AddOrUpdate(id, 1, (_, n) => n + 1)) switch
        {
            ("req-5", _) or (_, 1) => ScriptedBackend.Queued(id),
            (_, 2) => ScriptedBackend.Processing(id),
            _ => ScriptedBackend.Success(id, 1),
        };
        for (var i = 0; i < 4; i++)
        {
            await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);
        }

        var queued = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id, j => j.Polls >= 3);

        var policy = engine.Services.GetRequiredService<AdaptivePollingPolicy>();
        Assert.Equal("req-5", queued.RemoteRequestId);
        Assert.True(queued.UpdatedAt - queued.SubmittedAt!.Value > policy.NextPollDelay(Key, TimeSpan.Zero));
        Assert.Equal(policy.NextPollDelay(Key, TimeSpan.Zero), queued.NextAttemptAt!.Value - queued.UpdatedAt);
    }

    [Fact]
    public async Task A_request_whose_status_tells_nothing_is_polled_on_the_submission_schedule()
    {
        await using var engine = new EngineHarness();
        engine.Backend.DefaultPoll = id => new RemoteRequest(id, RemoteStatus.Unknown, "thinking", [], null, RemoteFailureKind.None, null);
        var job = await engine.EnqueueAsync();

        var polled = await engine.RunUntilSettledAsync(job.Id, j => j.Polls >= 4);

        var policy = engine.Services.GetRequiredService<AdaptivePollingPolicy>();
        Assert.Equal(policy.NextPollDelay(Key, polled.UpdatedAt - polled.SubmittedAt!.Value), polled.NextAttemptAt!.Value - polled.UpdatedAt);
    }
}

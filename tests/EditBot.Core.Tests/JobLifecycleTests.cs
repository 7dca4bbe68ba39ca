using System.Security.Cryptography;
using EditBot.Core.Backend;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Core.Tests;

public sealed class JobLifecycleTests
{
    [Fact]
    public async Task A_job_goes_from_queued_to_done_with_a_complete_history_and_its_results_delivered()
    {
        await using var engine = new EngineHarness();
        engine.Backend.PollScript.Enqueue(ScriptedBackend.Processing);
        engine.Backend.PollScript.Enqueue(id => ScriptedBackend.Success(id, 2));

        var job = await engine.EnqueueAsync();
        var done = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.NotNull(done.CompletedAt);
        Assert.Null(done.LeaseOwner);
        Assert.Equal(2, done.ResultBlobs.Count);
        Assert.Empty(done.ResultUrls);
        Assert.Equal(1, done.Submissions);
        Assert.Equal(2, done.Polls);
        var delivered = Assert.Single(engine.Delivery.Delivered);
        Assert.Equal(done.ResultBlobs, delivered.Results.Select(b => b.Id));

        var path = (await engine.EventsAsync(job.Id)).Where(e => e.From != e.To).Select(e => e.To);
        Assert.Equal(
            [JobState.Queued, JobState.Preparing, JobState.Submitting, JobState.Submitted, JobState.Polling, JobState.Fetching, JobState.Delivering, JobState.Done],
            path);
        Assert.All(await engine.EventsAsync(job.Id), e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.Contains(await engine.EventsAsync(job.Id), e => e.Reason == "Remote status: processing");
        Assert.Equal((await engine.EventsAsync(job.Id)).Count, engine.Observer.Changes.Count);
    }

    [Fact]
    public async Task Inline_inputs_are_sent_as_base64_with_the_sha256_fingerprint_of_the_image()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync(withMask: true);
        await engine.RunUntilSettledAsync(job.Id);

        var submit = Assert.Single(engine.Backend.Submits);
        Assert.Equal(Convert.ToBase64String("png-bytes"u8), submit.Image);
        Assert.Equal(Convert.ToBase64String("mask-bytes"u8), submit.Mask);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("png-bytes"u8)), submit.ImageFingerprint);
        Assert.Equal(job.Id, submit.JobId);
        Assert.Equal("1024x1024", submit.Size);
    }

    [Fact]
    public async Task Staged_inputs_are_sent_by_url_and_kept_on_the_job()
    {
        await using var engine = new EngineHarness();
        engine.Backend.StagedUrl = "https://storage.example/in.png";
        var job = await engine.EnqueueAsync(withMask: true);
        var done = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal("https://storage.example/in.png", Assert.Single(engine.Backend.Submits).Image);
        Assert.Equal("https://storage.example/in.png", done.StagedImageRef);
        Assert.Equal("https://storage.example/in.png", done.StagedMaskRef);
    }

    [Fact]
    public async Task A_terminal_submit_answer_is_handled_at_once_without_polling()
    {
        await using var engine = new EngineHarness();
        engine.Backend.SubmitAnswer = id => ScriptedBackend.Success(id, 1);
        var job = await engine.EnqueueAsync();

        await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        Assert.Equal(JobState.Done, (await engine.GetAsync(job.Id)).State);
        Assert.Empty(engine.Backend.Polls);
    }

    [Fact]
    public async Task A_terminal_failed_submit_answer_fails_the_job_without_polling()
    {
        await using var engine = new EngineHarness();
        engine.Backend.SubmitAnswer = id => ScriptedBackend.Failed(id, RemoteFailureKind.Other, "model crashed");
        var job = await engine.EnqueueAsync();

        var failed = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(FailureCode.RemoteFailed, failed.Failure!.Code);
        Assert.Contains("model crashed", failed.Failure.Message);
        Assert.Empty(engine.Backend.Polls);
    }

    [Fact]
    public async Task A_missing_input_blob_fails_the_job_as_invalid_input()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync();
        engine.Blobs.Remove(job.Request.ImageBlob);

        var failed = await engine.RunUntilSettledAsync(job.Id);

        Assert.Equal(FailureCode.InputInvalid, failed.Failure!.Code);
        Assert.Contains("no longer stored", failed.Failure.Message);
        Assert.Empty(engine.Backend.Submits);
    }

    [Fact]
    public async Task A_success_without_images_fails_as_remote_failed()
    {
        await using var engine = new EngineHarness();
        engine.Backend.DefaultPoll = id => ScriptedBackend.Success(id, 0);
        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(FailureCode.RemoteFailed, failed.Failure!.Code);
        Assert.Contains("without any image", failed.Failure.Message);
    }

    [Fact]
    public async Task A_remotely_cancelled_request_fails_as_remote_failed()
    {
        await using var engine = new EngineHarness();
        engine.Backend.DefaultPoll = id => new RemoteRequest(id, RemoteStatus.Cancelled, "cancelled", [], null, RemoteFailureKind.None, null);
        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(FailureCode.RemoteFailed, failed.Failure!.Code);
        Assert.Contains("cancelled", failed.Failure.Message);
    }

    [Fact]
    public async Task A_job_no_registered_delivery_can_hand_over_is_never_claimed_so_never_paid_for()
    {
        await using var engine = new EngineHarness();
        var job = await engine.EnqueueAsync(kind: "carrier-pigeon");

        var claimed = await engine.Worker.RunDueOnceAsync(CancellationToken.None);

        // Left queued for a process that can deliver it (old code: claimed, submitted and paid, then failed "No delivery route").
        Assert.Equal(0, claimed);
        Assert.Equal(JobState.Queued, (await engine.GetAsync(job.Id)).State);
        Assert.Empty(engine.Backend.Submits);
    }

    [Fact]
    public async Task A_failing_observer_is_logged_and_does_not_stop_the_job()
    {
        await using var engine = new EngineHarness(configure: s => s.AddSingleton<IJobObserver, ThrowingObserver>());
        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
    }

    // Review of issue 11: an observer's HTTP call that timed out (TaskCanceledException, nobody cancelling) was taken for
    // shutdown and left the transition that notified it. Old code: EnqueueAsync threw to its caller after the job was
    // stored (intake would report a failure for a job that then runs), and the observers after it heard nothing.
    [Fact]
    public async Task An_observer_that_times_out_is_logged_and_the_next_observer_still_hears_every_change()
    {
        var recorder = new RecordingObserver();
        await using var engine = new EngineHarness(configure: s => s.AddSingleton<IJobObserver, TimingOutObserver>().AddSingleton<IJobObserver>(recorder));
        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Contains(recorder.Changes, c => c.To == JobState.Done);
        Assert.DoesNotContain(await engine.EventsAsync(done.Id), e => e.Reason.Contains("kept failing", StringComparison.Ordinal));
        Assert.Equal(0, done.Attempts);
    }

    [Fact]
    public async Task The_input_preparer_output_is_what_gets_submitted()
    {
        await using var engine = new EngineHarness(configure: s => s.AddSingleton<IInputPreparer, UpperCasePreparer>());
        await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(Convert.ToBase64String("PNG-BYTES"u8), Assert.Single(engine.Backend.Submits).Image);
    }

    private sealed class UpperCasePreparer : IInputPreparer
    {
        public Task<PreparedInputs> PrepareAsync(Job job, Storage.Blob image, Storage.Blob? mask, CancellationToken cancellationToken) =>
            Task.FromResult(new PreparedInputs(System.Text.Encoding.ASCII.GetBytes(System.Text.Encoding.ASCII.GetString(image.Content).ToUpperInvariant()), "image/png", null, null));
    }
}

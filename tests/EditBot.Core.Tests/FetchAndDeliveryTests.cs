using EditBot.Core.Backend;
using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;
using EditBot.TestSupport;

namespace EditBot.Core.Tests;

public sealed class FetchAndDeliveryTests
{
    [Fact]
    public async Task A_transient_download_error_is_retried_and_the_results_stored()
    {
        await using var engine = new EngineHarness();
        engine.Backend.DownloadErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "connection reset"));
        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(2, engine.Backend.Downloads.Count);
        Assert.NotNull(await engine.Blobs.GetAsync(Assert.Single(done.ResultBlobs), CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_download_fails_the_job_as_fetch_failed()
    {
        await using var engine = new EngineHarness();
        engine.Backend.DownloadErrors.Enqueue(new EditBackendException(BackendErrorKind.DownloadRefused, "host evil.example is not allowed"));
        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(FailureCode.FetchFailed, failed.Failure!.Code);
        Assert.Contains("not allowed", failed.Failure.Message);
        Assert.Empty(engine.Delivery.Delivered);
    }

    [Fact]
    public async Task Downloads_that_keep_failing_end_as_fetch_failed()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:MaxTransientAttempts"] = "2" });
        engine.Backend.DownloadErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "503"));
        engine.Backend.DownloadErrors.Enqueue(new EditBackendException(BackendErrorKind.Transient, "503"));
        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(FailureCode.FetchFailed, failed.Failure!.Code);
    }

    [Fact]
    public async Task A_failing_delivery_is_retried_with_backoff()
    {
        await using var engine = new EngineHarness();
        engine.Delivery.Errors.Enqueue(new HttpRequestException("discord 503"));
        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Single(engine.Delivery.Delivered);
        Assert.Contains(await engine.EventsAsync(done.Id), e => e.Reason.Contains("discord 503"));
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_ends_as_delivery_failed_with_the_error()
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { ["Engine:MaxTransientAttempts"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            engine.Delivery.Errors.Enqueue(new HttpRequestException("channel gone"));
        }

        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(FailureCode.DeliveryFailed, failed.Failure!.Code);
        Assert.Contains("channel gone", failed.Failure.Message);
    }

    // Review of issue 11: a delivery whose HTTP call timed out (TaskCanceledException, nobody cancelling) was taken for
    // shutdown by the step's filter and reached the runner as a step crash. Old code: no "Delivering" retry was
    // recorded; the crash path released the job instead.
    [Fact]
    public async Task A_delivery_that_times_out_is_retried_as_a_delivery_failure()
    {
        await using var engine = new EngineHarness();
        engine.Delivery.Errors.Enqueue(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."));

        var done = await engine.RunUntilSettledAsync((await engine.EnqueueAsync()).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Single(engine.Delivery.Delivered);
        Assert.Contains(await engine.EventsAsync(done.Id), e => e.Reason.StartsWith("Delivering", StringComparison.Ordinal));
    }

    // Issue "Outgrowing one machine": the results were downloaded one after another. Old code: one download at a time.
    [Fact]
    public async Task Results_download_side_by_side_at_most_four_at_a_time_and_keep_their_order()
    {
        await using var engine = new EngineHarness();
        engine.Backend.DefaultPoll = id => ScriptedBackend.Success(id, 6);
        engine.Backend.HoldDownloads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = await engine.EnqueueAsync(count: 6);
        var running = engine.RunUntilSettledAsync(job.Id);

        await Eventually.WaitUntilAsync(() => engine.Backend.DownloadsInFlight == 4, "four downloads under way at once");
        engine.Backend.HoldDownloads.SetResult();
        var done = await running;

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(4, engine.Backend.MostDownloadsInFlight);
        var urls = ScriptedBackend.Success(done.RemoteRequestId!, 6).MediaUrls;
        for (var i = 0; i < urls.Count; i++)
        {
            var blob = await engine.Blobs.GetAsync(done.ResultBlobs[i], CancellationToken.None);
            Assert.Equal("result:" + urls[i], System.Text.Encoding.UTF8.GetString(blob!.Content));
        }

        Assert.Equal(done.ResultBlobs, Assert.Single(engine.Delivery.Delivered).Results.Select(r => r.Id));
    }

    [Fact]
    public async Task One_refused_download_among_several_fails_the_job_undelivered()
    {
        await using var engine = new EngineHarness();
        engine.Backend.DefaultPoll = id => ScriptedBackend.Success(id, 4);
        engine.Backend.DownloadErrors.Enqueue(new EditBackendException(BackendErrorKind.DownloadRefused, "host evil.example is not allowed"));

        var failed = await engine.RunUntilSettledAsync((await engine.EnqueueAsync(count: 4)).Id);

        Assert.Equal(FailureCode.FetchFailed, failed.Failure!.Code);
        Assert.Contains("not allowed", failed.Failure.Message);
        Assert.Empty(engine.Delivery.Delivered);
    }

    // The delivery starts what needs no results (a Discord thread) while they download. Old code: no such call.
    [Fact]
    public async Task The_delivery_is_prepared_while_the_results_download_and_its_failure_fails_nothing()
    {
        await using var engine = new EngineHarness();
        engine.Backend.HoldDownloads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.Delivery.PrepareErrors.Enqueue(new HttpRequestException("discord 503"));
        var job = await engine.EnqueueAsync();
        var running = engine.RunUntilSettledAsync(job.Id);

        await Eventually.WaitUntilAsync(() => engine.Backend.DownloadsInFlight == 1 && engine.Delivery.Prepared.Contains(job.Id), "the preparation during the download");
        engine.Backend.HoldDownloads.SetResult();
        var done = await running;

        Assert.Equal(JobState.Done, done.State);
        Assert.Single(engine.Delivery.Delivered);
    }
}

using EditBot.Core.Backend;
using EditBot.Core.Jobs;
using EditBot.Core.Tests.Fakes;

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
}

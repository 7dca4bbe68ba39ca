using System.Runtime.ExceptionServices;
using EditBot.Core.Backend;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace EditBot.Core.Engine.Steps;

/// <summary>
/// Fetching: download every result at once (their lifetime is undocumented) and keep them as blobs. The downloads run
/// side by side, at most <see cref="MaxParallelDownloads"/> at a time, each stored as soon as it arrives; meanwhile the
/// delivery prepares what needs no results (<see cref="IJobDelivery.PrepareAsync"/>), so it is ready when they are.
/// </summary>
internal sealed partial class FetchStep(StepDependencies deps, DeliveryRoutes routes, ILogger<FetchStep> logger)
{
    /// <summary>GMI returns up to 10 results; four connections at once keep one job from crowding out the others.</summary>
    internal const int MaxParallelDownloads = 4;

    public async Task<StepResult> ExecuteAsync(Job job, StepContext context, CancellationToken cancellationToken)
    {
        var preparing = PrepareDeliveryAsync(job, cancellationToken);
        Blob[] blobs;
        try
        {
            blobs = await DownloadAllAsync(job.ResultUrls, cancellationToken);
        }
        catch (EditBackendException error) when (error.IsTransient)
        {
            return deps.Retry.RetryOrFail(job, FailureCode.FetchFailed, "Downloading the results", error.Message, error.RetryAfter, deps.Now);
        }
        catch (EditBackendException error)
        {
            return JobChanges.Fail(job, FailureCode.FetchFailed, error.Message, deps.Now);
        }
        finally
        {
            // Nothing the step started outlives it.
            await preparing;
        }

        context.Results = blobs;
        var fetched = job with { ResultBlobs = [.. blobs.Select(b => b.Id)], ResultUrls = [] };
        return JobChanges.Move(fetched, JobState.Delivering, $"Downloaded {blobs.Length} image(s)", deps.Now);
    }

    private async Task<Blob[]> DownloadAllAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        var blobs = new Blob[urls.Count];
        ExceptionDispatchInfo? failure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(MaxParallelDownloads);

        async Task FetchOneAsync(int index)
        {
            try
            {
                await slots.WaitAsync(stop.Token);
                try
                {
                    var media = await deps.Backend.DownloadAsync(urls[index], stop.Token);
                    var id = await deps.Blobs.PutAsync(media.Content, media.MediaType, stop.Token);
                    blobs[index] = new Blob(id, media.MediaType, media.Content);
                }
                finally
                {
                    slots.Release();
                }
            }
            catch (Exception error) when (!stop.IsCancellationRequested)
            {
                // The first failure stops the other downloads and decides the step, as when results came one by one.
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(error), null);
                await stop.CancelAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Stopped by another download's failure or by shutdown: decided below.
            }
        }

        await Task.WhenAll(Enumerable.Range(0, urls.Count).Select(FetchOneAsync));
        cancellationToken.ThrowIfCancellationRequested();
        failure?.Throw();
        return blobs;
    }

    /// <summary>Lets the job's delivery start what does not need the results; its failure is left for the delivery to meet again.</summary>
    private async Task PrepareDeliveryAsync(Job job, CancellationToken cancellationToken)
    {
        var delivery = routes.For(job);
        if (delivery is null)
        {
            return;
        }

        try
        {
            await delivery.PrepareAsync(job, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPrepareFailed(logger, error, job.Id);
        }
        catch (OperationCanceledException)
        {
            // Shutdown: the step's own downloads report it.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: preparing the delivery while the results download failed; the delivery will do it")]
    private static partial void LogPrepareFailed(ILogger logger, Exception error, Guid jobId);
}

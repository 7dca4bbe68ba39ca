using EditBot.Core.Backend;
using EditBot.Core.Jobs;

namespace EditBot.Core.Engine.Steps;

/// <summary>Fetching: download every result at once (their lifetime is undocumented) and keep them as blobs.</summary>
internal sealed class FetchStep(StepDependencies deps)
{
    public async Task<StepResult> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var blobs = new List<string>(job.ResultUrls.Count);
        try
        {
            foreach (var url in job.ResultUrls)
            {
                var media = await deps.Backend.DownloadAsync(url, cancellationToken);
                blobs.Add(await deps.Blobs.PutAsync(media.Content, media.MediaType, cancellationToken));
            }
        }
        catch (EditBackendException error) when (error.IsTransient)
        {
            return deps.Retry.RetryOrFail(job, FailureCode.FetchFailed, "Downloading the results", error.Message, error.RetryAfter, deps.Now);
        }
        catch (EditBackendException error)
        {
            return JobChanges.Fail(job, FailureCode.FetchFailed, error.Message, deps.Now);
        }

        var fetched = job with { ResultBlobs = blobs, ResultUrls = [] };
        return JobChanges.Move(fetched, JobState.Delivering, $"Downloaded {blobs.Count} image(s)", deps.Now);
    }
}

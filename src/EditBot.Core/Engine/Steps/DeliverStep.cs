using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Core.Engine.Steps;

/// <summary>Delivering: hand the results to the route named by the job's origin, retrying with backoff.</summary>
internal sealed class DeliverStep(StepDependencies deps, DeliveryRoutes routes)
{
    public async Task<StepResult> ExecuteAsync(Job job, StepContext context, CancellationToken cancellationToken)
    {
        var delivery = routes.For(job);
        if (delivery is null)
        {
            return JobChanges.Fail(job, FailureCode.DeliveryFailed, $"No delivery route is registered for '{job.Origin.Kind}'", deps.Now);
        }

        // Fetched in this claim: already in memory. Otherwise (a retry, another claim) the store has them.
        var results = context.Results is { } fetched && fetched.Select(b => b.Id).SequenceEqual(job.ResultBlobs, StringComparer.Ordinal)
            ? [.. fetched]
            : new List<Blob>(job.ResultBlobs.Count);
        context.Results = null;
        for (var i = results.Count; i < job.ResultBlobs.Count; i++)
        {
            var blob = await deps.Blobs.GetAsync(job.ResultBlobs[i], cancellationToken);
            if (blob is null)
            {
                return JobChanges.Fail(job, FailureCode.DeliveryFailed, "A result image is no longer stored", deps.Now);
            }

            results.Add(blob);
        }

        try
        {
            await delivery.DeliverAsync(job, results, cancellationToken);
        }
        catch (JobDeliveryRefusedException refused)
        {
            return JobChanges.Fail(job, FailureCode.DeliveryFailed, refused.Message, deps.Now);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Deliveries talk to outside services whose failures vary; all are retried, then reported.
            return deps.Retry.RetryOrFail(job, FailureCode.DeliveryFailed, "Delivering", error.Message, null, deps.Now);
        }

        var now = deps.Now;
        return JobChanges.Move(job with { CompletedAt = now }, JobState.Done, $"Delivered {results.Count} image(s)", now, StepFollowUp.Stop);
    }
}

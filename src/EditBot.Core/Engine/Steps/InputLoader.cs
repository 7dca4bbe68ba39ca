using EditBot.Core.Jobs;

namespace EditBot.Core.Engine.Steps;

/// <summary>Loads a job's stored inputs and runs the optional preparer; a missing blob is the user's failure, not a retry.</summary>
internal sealed class InputLoader(StepDependencies deps, IInputPreparer? preparer)
{
    /// <returns>The prepared inputs, or the failure message when an input is gone or unusable.</returns>
    public async Task<(PreparedInputs? Inputs, string? Problem)> LoadAsync(Job job, CancellationToken cancellationToken)
    {
        var image = await deps.Blobs.GetAsync(job.Request.ImageBlob, cancellationToken);
        if (image is null)
        {
            return (null, "The input image is no longer stored; please send it again.");
        }

        var mask = job.Request.MaskBlob is { } maskId ? await deps.Blobs.GetAsync(maskId, cancellationToken) : null;
        if (job.Request.MaskBlob is not null && mask is null)
        {
            return (null, "The mask is no longer stored; please send it again.");
        }

        if (preparer is null)
        {
            return (new PreparedInputs(image.Content, image.MediaType, mask?.Content, mask?.MediaType), null);
        }

        try
        {
            return (await preparer.PrepareAsync(job, image, mask, cancellationToken), null);
        }
        catch (Exception error) when (error is InvalidDataException or ArgumentException or NotSupportedException)
        {
            return (null, $"The input could not be prepared: {error.Message}");
        }
    }
}

using EditBot.Core.Backend;
using EditBot.Core.Jobs;

namespace EditBot.Core.Engine.Steps;

/// <summary>Preparing: load the stored inputs, prepare them and make them reachable by the API (staged URL or inline).</summary>
internal sealed class PrepareStep(StepDependencies deps, InputLoader inputs)
{
    public async Task<StepResult> ExecuteAsync(Job job, StepContext context, CancellationToken cancellationToken)
    {
        var (prepared, problem) = await inputs.LoadAsync(job, cancellationToken);
        if (prepared is null)
        {
            return JobChanges.Fail(job, FailureCode.InputInvalid, problem!, deps.Now);
        }

        string? stagedImage;
        string? stagedMask = null;
        try
        {
            stagedImage = await deps.Backend.StageInputAsync(prepared.Image, prepared.ImageMediaType, cancellationToken);
            if (prepared.Mask is { } mask)
            {
                stagedMask = await deps.Backend.StageInputAsync(mask, prepared.MaskMediaType ?? "image/png", cancellationToken);
            }
        }
        catch (EditBackendException error) when (error.IsTransient)
        {
            return deps.Retry.RetryOrFail(job, FailureCode.Unavailable, "Uploading the input", error.Message, error.RetryAfter, deps.Now);
        }
        catch (EditBackendException error)
        {
            return BackendFailures.Fail(deps, job, error, FailureCode.InputInvalid);
        }

        context.Prepared = prepared;
        var how = stagedImage is null ? "sent inline" : "uploaded";
        var staged = job with { StagedImageRef = stagedImage, StagedMaskRef = stagedMask };
        return JobChanges.Move(staged, JobState.Submitting, $"Inputs prepared ({how})", deps.Now);
    }
}

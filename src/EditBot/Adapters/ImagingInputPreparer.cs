using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Imaging.Intake;

namespace EditBot.Adapters;

/// <summary>
/// The engine's Preparing step, backed by EditBot.Imaging. Intake already stored API-ready inputs, so this is
/// normally the pass-through fast path; anything else (a blob stored raw) is normalized again here.
/// </summary>
public sealed class ImagingInputPreparer(ImageIntake intake) : IInputPreparer
{
    private static readonly HashSet<string> ApiReady = new(StringComparer.OrdinalIgnoreCase) { "image/png", "image/jpeg", "image/webp" };

    public async Task<PreparedInputs> PrepareAsync(Job job, Blob image, Blob? mask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(image);
        if (ApiReady.Contains(image.MediaType) && (mask is null || mask.MediaType == "image/png"))
        {
            return new PreparedInputs(image.Content, image.MediaType, mask?.Content, mask?.MediaType);
        }

        var result = await intake.PrepareAsync(image.Content, mask?.Content, region: null, size: job.Request.Size, cancellationToken);
        return result switch
        {
            PreparedEdit prepared => new PreparedInputs(prepared.Image, prepared.MediaType, prepared.Mask, prepared.Mask is null ? null : "image/png"),
            ImageRejection rejection => throw new InvalidDataException(rejection.Message),
            _ => throw new InvalidOperationException("Unexpected intake result."),
        };
    }
}

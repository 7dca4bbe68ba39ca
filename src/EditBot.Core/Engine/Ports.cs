using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Core.Engine;

/// <summary>
/// Makes stored inputs acceptable to the API just before staging (the host adapts EditBot.Imaging to it).
/// Inputs were normalized at intake, so this is normally the pass-through fast path.
/// </summary>
public interface IInputPreparer
{
    Task<PreparedInputs> PrepareAsync(Job job, Blob image, Blob? mask, CancellationToken cancellationToken);
}

/// <summary>
/// Inputs ready to stage. <see cref="Mask"/> is null for "no mask": an optional binary is a nullable array, never a
/// nullable Memory, because a null array converts to an empty but non-null Memory (it once sent "mask": "").
/// </summary>
public sealed record PreparedInputs(ReadOnlyMemory<byte> Image, string ImageMediaType, byte[]? Mask, string? MaskMediaType);

/// <summary>Delivers a finished job's results; one implementation per <see cref="JobOrigin.Kind"/>. Must tolerate being called again after a crash.</summary>
public interface IJobDelivery
{
    string Kind { get; }

    Task DeliverAsync(Job job, IReadOnlyList<Blob> results, CancellationToken cancellationToken);

    /// <summary>
    /// Called while the job's results download, under the same claim, to start what the delivery needs that does not
    /// depend on them (a Discord thread). Must be idempotent and record what it did as <see cref="DeliverAsync"/> does;
    /// a failure is logged and left for the delivery to meet again.
    /// </summary>
    Task PrepareAsync(Job job, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Told of every persisted transition (progress messages, CLI progress line, metrics). Failures are logged, never fatal.</summary>
public interface IJobObserver
{
    ValueTask OnJobChangedAsync(Job job, JobEvent change, CancellationToken cancellationToken);
}

/// <summary>Rules checked again just before the costly submit (settings may have changed since intake). Null means allowed.</summary>
public interface ISubmissionGate
{
    ValueTask<JobFailure?> CheckAsync(Job job, CancellationToken cancellationToken);
}

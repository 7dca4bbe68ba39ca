using System.Collections.Concurrent;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Core.Tests.Fakes;

/// <summary>A delivery route that records what it was given and can fail on demand.</summary>
public sealed class RecordingDelivery(string kind = "test") : IJobDelivery
{
    public string Kind => kind;

    public ConcurrentQueue<(Guid JobId, IReadOnlyList<Blob> Results)> Delivered { get; } = new();

    public ConcurrentQueue<Exception> Errors { get; } = new();

    /// <summary>Jobs whose delivery was prepared (while their results downloaded), in order.</summary>
    public ConcurrentQueue<Guid> Prepared { get; } = new();

    public ConcurrentQueue<Exception> PrepareErrors { get; } = new();

    public Task PrepareAsync(Job job, CancellationToken cancellationToken)
    {
        Prepared.Enqueue(job.Id);
        return PrepareErrors.TryDequeue(out var error) ? Task.FromException(error) : Task.CompletedTask;
    }

    public Task DeliverAsync(Job job, IReadOnlyList<Blob> results, CancellationToken cancellationToken)
    {
        if (Errors.TryDequeue(out var error))
        {
            throw error;
        }

        Delivered.Enqueue((job.Id, results));
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;

namespace EditBot.Core.Tests.Fakes;

public sealed class RecordingObserver : IJobObserver
{
    public ConcurrentQueue<JobEvent> Changes { get; } = new();

    public ValueTask OnJobChangedAsync(Job job, JobEvent change, CancellationToken cancellationToken)
    {
        Changes.Enqueue(change);
        return ValueTask.CompletedTask;
    }
}

/// <summary>An observer that always throws, to show observer failures are not fatal.</summary>
public sealed class ThrowingObserver : IJobObserver
{
    public ValueTask OnJobChangedAsync(Job job, JobEvent change, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("observer broke");
}

/// <summary>An observer whose call times out as an HttpClient does: TaskCanceledException while nobody cancelled.</summary>
public sealed class TimingOutObserver : IJobObserver
{
    public ValueTask OnJobChangedAsync(Job job, JobEvent change, CancellationToken cancellationToken) =>
        throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.");
}

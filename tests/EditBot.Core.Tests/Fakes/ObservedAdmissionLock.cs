using EditBot.Core.Storage;

namespace EditBot.Core.Tests.Fakes;

/// <summary>The in-process admission lock, telling a test when a second caller has asked for it (and waits, if it is held).</summary>
public sealed class ObservedAdmissionLock : IAdmissionLock
{
    private readonly InProcessAdmissionLock _inner = new();
    private int _entered;

    public TaskCompletionSource SecondWaiter { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _entered) >= 2)
        {
            SecondWaiter.TrySetResult();
        }

        return _inner.AcquireAsync(key, cancellationToken);
    }
}

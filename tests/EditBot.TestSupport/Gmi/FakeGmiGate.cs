namespace EditBot.TestSupport.Gmi;

/// <summary>
/// A hold point in the fake: while closed, calls that reach it wait there (so a test can kill the process under
/// test at that moment); opening releases them. Open by default.
/// </summary>
public sealed class FakeGmiGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _opened = NewSignal(completed: true);
    private TaskCompletionSource _arrived = NewSignal(completed: false);
    private int _waiting;

    public bool IsClosed { get { lock (_lock) { return !_opened.Task.IsCompleted; } } }

    /// <summary>Calls currently held here.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Close()
    {
        lock (_lock)
        {
            if (_opened.Task.IsCompleted)
            {
                _opened = NewSignal(completed: false);
                _arrived = NewSignal(completed: false);
            }
        }
    }

    public void Open()
    {
        lock (_lock)
        {
            _opened.TrySetResult();
        }
    }

    /// <summary>Completes once a call is held at this gate (since it was last closed).</summary>
    public Task WaitForArrivalAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return _arrived.Task.WaitAsync(cancellationToken);
        }
    }

    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        Task opened;
        lock (_lock)
        {
            if (_opened.Task.IsCompleted)
            {
                return;
            }

            opened = _opened.Task;
            Interlocked.Increment(ref _waiting);
            _arrived.TrySetResult();
        }

        try
        {
            await opened.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private static TaskCompletionSource NewSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }

        return signal;
    }
}

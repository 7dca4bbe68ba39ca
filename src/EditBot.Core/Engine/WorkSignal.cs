namespace EditBot.Core.Engine;

/// <summary>
/// Wakes an idle worker at once when work arrives in this process (an enqueue, an approval, a resume),
/// so the idle delay only bounds how late work from other processes is noticed.
/// </summary>
public sealed class WorkSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _pending;

    public void Notify()
    {
        lock (_gate)
        {
            _pending = true;
            _wake.TrySetResult();
        }
    }

    /// <summary>Returns when notified (also for a notification that came before this call) or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Task wake;
        lock (_gate)
        {
            if (_pending)
            {
                // Consume the notification whole: the fired wake task too, or the next wait would return at once.
                _pending = false;
                if (_wake.Task.IsCompleted)
                {
                    _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                return;
            }

            wake = _wake.Task;
        }

        using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var delay = Task.Delay(timeout, timeProvider, timeoutSource.Token);
            await Task.WhenAny(wake, delay);
            await timeoutSource.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _pending = false;
            if (_wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}

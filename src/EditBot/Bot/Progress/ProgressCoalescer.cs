using Microsoft.Extensions.Logging;

namespace EditBot.Bot.Progress;

/// <summary>
/// Sends at most one update per key per interval: the first goes at once, later ones wait for the interval and only
/// the newest waiting one is sent. One send per key runs at a time. Closing a key drops what waits, lets a running
/// send finish, so the caller's own last edit never races an older one.
/// </summary>
public sealed partial class ProgressCoalescer<T>(
    TimeProvider timeProvider, TimeSpan interval, Func<Guid, T, CancellationToken, Task> send, ILogger logger)
{
    private readonly Dictionary<Guid, Slot> _slots = [];
    private readonly Lock _gate = new();

    /// <summary>Number of keys with an update waiting or being sent (for tests and diagnostics).</summary>
    public int ActiveKeys
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <param name="final">The last update of this key: the slot is forgotten once it is sent.</param>
    public void Submit(Guid key, T value, bool final = false)
    {
        Slot slot;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out slot!))
            {
                slot = new Slot();
                _slots[key] = slot;
            }

            slot.Pending = value;
            slot.HasPending = true;
            slot.Final |= final;
            if (slot.Running)
            {
                return;
            }

            slot.Running = true;
            slot.Loop = Task.Run(() => RunAsync(key, slot));
        }
    }

    /// <summary>
    /// Drops waiting updates of <paramref name="key"/> and waits for a send already under way, so the caller's own
    /// last edit comes after it. It does not wait for the interval: the last edit must not hang on a clock.
    /// </summary>
    public async Task CloseAsync(Guid key, CancellationToken cancellationToken)
    {
        Slot? slot;
        lock (_gate)
        {
            if (_slots.Remove(key, out slot))
            {
                slot.HasPending = false;
                slot.Closed = true;
                slot.CurrentWait?.Cancel();
            }
        }

        if (slot is not null)
        {
            await slot.Loop.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes once nothing of <paramref name="key"/> waits or is being sent (for tests and shutdown).</summary>
    public Task WhenIdleAsync(Guid key)
    {
        lock (_gate)
        {
            return _slots.TryGetValue(key, out var slot) ? slot.Loop : Task.CompletedTask;
        }
    }

    private async Task RunAsync(Guid key, Slot slot)
    {
        while (true)
        {
            TimeSpan wait;
            CancellationTokenSource? waiting = null;
            lock (_gate)
            {
                if (!slot.HasPending)
                {
                    slot.Running = false;
                    if (slot.Final && _slots.TryGetValue(key, out var current) && current == slot)
                    {
                        _slots.Remove(key);
                    }

                    return;
                }

                wait = slot.LastSent is { } last ? last + interval - timeProvider.GetUtcNow() : TimeSpan.Zero;
                if (wait > TimeSpan.Zero)
                {
                    waiting = new CancellationTokenSource();
                    slot.CurrentWait = waiting;
                }
            }

            if (waiting is not null)
            {
                try
                {
                    await Task.Delay(wait, timeProvider, waiting.Token);
                }
                catch (OperationCanceledException)
                {
                    // Closed while waiting: the check below ends the loop.
                }
                finally
                {
                    lock (_gate)
                    {
                        slot.CurrentWait = null;
                    }

                    waiting.Dispose();
                }
            }

            T value;
            lock (_gate)
            {
                if (!slot.HasPending || slot.Closed)
                {
                    continue;
                }

                value = slot.Pending!;
                slot.HasPending = false;
                slot.LastSent = timeProvider.GetUtcNow();
            }

            try
            {
                await send(key, value, CancellationToken.None);
            }
            catch (Exception error)
            {
                // A failed progress edit is cosmetic: log it and carry on with the next one.
                LogSendFailed(logger, error, key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Progress update for job {JobId} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception error, Guid jobId);

    private sealed class Slot
    {
        public T? Pending { get; set; }
        public bool HasPending { get; set; }
        public bool Running { get; set; }
        public bool Final { get; set; }
        public bool Closed { get; set; }
        public DateTimeOffset? LastSent { get; set; }
        public Task Loop { get; set; } = Task.CompletedTask;
        public CancellationTokenSource? CurrentWait { get; set; }
    }
}

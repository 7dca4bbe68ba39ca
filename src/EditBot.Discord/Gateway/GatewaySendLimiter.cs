namespace EditBot.Discord.Gateway;

/// <summary>
/// Discord allows 120 sends per 60 s per connection and disconnects a client that exceeds it. Ordinary sends wait for
/// the next window once <c>limit - heartbeatReserve</c> are used; heartbeats never wait, because a late heartbeat
/// gets the connection dropped too, and the reserve keeps them inside the limit.
/// </summary>
public sealed class GatewaySendLimiter : IDisposable
{
    private readonly int _limit;
    private readonly int _ordinaryLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _countLock = new();
    private long _windowStart;
    private int _used;

    public GatewaySendLimiter(TimeProvider time, int limit = 120, TimeSpan? window = null, int heartbeatReserve = 4)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, heartbeatReserve);
        _time = time;
        _limit = limit;
        _ordinaryLimit = limit - heartbeatReserve;
        _window = window ?? TimeSpan.FromSeconds(60);
        _windowStart = time.GetTimestamp();
    }

    /// <summary>Sends used in the current window (heartbeats included).</summary>
    public int Used
    {
        get
        {
            lock (_countLock)
            {
                RollWindow();
                return _used;
            }
        }
    }

    /// <summary>Takes a slot for a heartbeat at once, whatever the count.</summary>
    public void TakeForHeartbeat()
    {
        lock (_countLock)
        {
            RollWindow();
            _used++;
        }
    }

    /// <summary>Waits until an ordinary send fits in the window, then takes its slot. Callers are served in order.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_countLock)
                {
                    RollWindow();
                    if (_used < _ordinaryLimit)
                    {
                        _used++;
                        return;
                    }

                    wait = _window - _time.GetElapsedTime(_windowStart);
                }

                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _time, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void RollWindow()
    {
        if (_time.GetElapsedTime(_windowStart) >= _window)
        {
            _windowStart = _time.GetTimestamp();
            _used = 0;
        }
    }

    /// <summary>The hard limit Discord enforces (for diagnostics).</summary>
    public int Limit => _limit;

    public void Dispose() => _gate.Dispose();
}

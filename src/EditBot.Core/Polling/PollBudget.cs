namespace EditBot.Core.Polling;

/// <summary>
/// The process-wide poll budget: a token bucket on <see cref="TimeProvider"/> shared by every waiting job.
/// A refused poll is deferred, not dropped: the caller gets a distinct later slot so deferred jobs come
/// back spread out at the budget's rate instead of all at once.
/// </summary>
public sealed class PollBudget
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _perSecond;
    private readonly double _burst;
    private double _tokens;
    private long _refilledAt;
    private DateTimeOffset _nextDeferredSlot;

    public PollBudget(double perSecond, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _perSecond = perSecond;
        _burst = burst;
        _tokens = burst;
        _timeProvider = timeProvider;
        _refilledAt = timeProvider.GetTimestamp();
        _nextDeferredSlot = timeProvider.GetUtcNow();
    }

    /// <summary>Takes one poll from the budget, or says how long to wait before trying again.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            var elapsed = _timeProvider.GetElapsedTime(_refilledAt, now).TotalSeconds;
            _tokens = Math.Min(_burst, _tokens + (elapsed * _perSecond));
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            var utcNow = _timeProvider.GetUtcNow();
            var firstFree = utcNow + TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
            var slot = _nextDeferredSlot > firstFree ? _nextDeferredSlot : firstFree;
            _nextDeferredSlot = slot + TimeSpan.FromSeconds(1 / _perSecond);
            retryAfter = slot - utcNow;
            return false;
        }
    }
}

using EditBot.Core.Cluster;

namespace EditBot.Core.Polling;

/// <summary>
/// The poll budget: a token bucket on <see cref="TimeProvider"/> shared by every waiting job. The configured rate and
/// burst are for the whole deployment: with instances on a shared store, this process refills at its share of them
/// (<see cref="ClusterShares"/>), and polls nothing before it has joined. A refused poll is deferred, not dropped: the
/// caller gets a distinct later slot so deferred jobs come back spread out at the budget's rate instead of all at once.
/// </summary>
public sealed class PollBudget
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _totalPerSecond;
    private readonly double _totalBurst;
    private readonly ClusterShares? _shares;
    private double _tokens;
    private long _refilledAt;
    private DateTimeOffset _nextDeferredSlot;

    public PollBudget(double perSecond, int burst, TimeProvider timeProvider, ClusterShares? shares = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _totalPerSecond = perSecond;
        _totalBurst = burst;
        _shares = shares;
        _tokens = Burst;
        _timeProvider = timeProvider;
        _refilledAt = timeProvider.GetTimestamp();
        _nextDeferredSlot = timeProvider.GetUtcNow();
    }

    /// <summary>This process's polls per second now: its share of the deployment's.</summary>
    public double PerSecond => _shares?.ShareOf(ClusterRole.StatusPolls, _totalPerSecond) ?? _totalPerSecond;

    /// <summary>This process's burst now: its share of the deployment's, at least one poll.</summary>
    private double Burst => Math.Max(1, _shares?.ShareOf(ClusterRole.StatusPolls, _totalBurst) ?? _totalBurst);

    /// <summary>Takes one poll from the budget, or says how long to wait before trying again.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            if (_shares is { Joined: false })
            {
                // Until the other instances have seen this one, their shares still add up to the whole budget.
                _refilledAt = now;
                retryAfter = TimeSpan.FromSeconds(1);
                return false;
            }

            var perSecond = PerSecond;
            var burst = Burst;
            var elapsed = _timeProvider.GetElapsedTime(_refilledAt, now).TotalSeconds;
            _tokens = Math.Min(burst, _tokens + (elapsed * perSecond));
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            var utcNow = _timeProvider.GetUtcNow();
            var firstFree = utcNow + TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            var slot = _nextDeferredSlot > firstFree ? _nextDeferredSlot : firstFree;
            _nextDeferredSlot = slot + TimeSpan.FromSeconds(1 / perSecond);
            retryAfter = slot - utcNow;
            return false;
        }
    }
}

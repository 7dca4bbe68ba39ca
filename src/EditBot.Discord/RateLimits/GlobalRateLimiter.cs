namespace EditBot.Discord.RateLimits;

/// <summary>
/// The per-bot global limit. A request counts from the moment it is let go until one window after its answer came
/// back: its arrival at Discord lies somewhere between the two, so however late a busy machine actually sends it,
/// no window of Discord's can hold more than the limit. Counting from the scheduled send time alone was not enough:
/// under a burst of 200 senders, late sends bunched with the next window and drew global 429s. Plus a block set by a
/// global 429. The limit is this process's share of the token's budget (<see cref="IGlobalRateShare"/>), read before
/// every request, so a process joining or leaving moves every other's share at their next request.
/// </summary>
internal sealed class GlobalRateLimiter(TimeProvider timeProvider, int requestsPerSecond, IGlobalRateShare? share = null)
{
    // A little over a second, so a server window aligned differently from ours still holds at most the limit.
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1050);

    private readonly List<GlobalSlot> _slots = [];
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private TaskCompletionSource _slotFreed = NewSignal();

    /// <summary>Waits for room under the limit; complete the returned slot when the answer arrives.</summary>
    public async Task<GlobalSlot> WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var limit = share is null ? requestsPerSecond : Math.Max(1, requestsPerSecond / await share.SharersAsync(cancellationToken));
            TimeSpan? wait;
            Task freed;
            lock (_slots)
            {
                var now = timeProvider.GetUtcNow();
                _slots.RemoveAll(s => s.CompletedAt is { } done && done + Window <= now);
                if (now >= _blockedUntil && _slots.Count < limit)
                {
                    var slot = new GlobalSlot(this);
                    _slots.Add(slot);
                    return slot;
                }

                wait = now < _blockedUntil ? _blockedUntil - now : EarliestExpiry(now);
                freed = _slotFreed.Task;
            }

            // Either a counted answer ages out of the window, or (all still in flight) one of them completes.
            var delay = wait is { } w ? Task.Delay(w, timeProvider, cancellationToken) : Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken);
            await Task.WhenAny(delay, freed).WaitAsync(cancellationToken);
        }
    }

    /// <summary>After a global 429: nothing counted against the global limit goes before this.</summary>
    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_slots)
        {
            var until = timeProvider.GetUtcNow() + retryAfter;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    internal void Complete(GlobalSlot slot)
    {
        lock (_slots)
        {
            slot.CompletedAt ??= timeProvider.GetUtcNow();
            var signal = _slotFreed;
            _slotFreed = NewSignal();
            signal.TrySetResult();
        }
    }

    private TimeSpan? EarliestExpiry(DateTimeOffset now)
    {
        DateTimeOffset? earliest = null;
        foreach (var slot in _slots)
        {
            if (slot.CompletedAt is { } done && (earliest is null || done < earliest))
            {
                earliest = done;
            }
        }

        return earliest is { } e ? e + Window - now : null;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

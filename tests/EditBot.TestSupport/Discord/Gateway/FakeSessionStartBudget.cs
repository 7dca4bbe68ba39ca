namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>
/// The bot's daily session-start budget, one object shared by the fake REST API (which reports it in
/// <c>GET /gateway/bot</c> as <c>session_start_limit</c>) and the fake gateway (where each IDENTIFY spends one), so
/// what the bot is told and what the gateway enforces are the same numbers. The window rolls over after
/// <see cref="ResetAfter"/> on the given clock, to a fresh day with the full <see cref="Total"/>.
/// </summary>
public sealed class FakeSessionStartBudget(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _windowEnds = time.GetUtcNow() + TimeSpan.FromDays(1);
    private int _remaining = 1000;

    public int Total { get; set; } = 1000;

    public int Remaining
    {
        get
        {
            lock (_lock)
            {
                RollOver();
                return _remaining;
            }
        }

        set
        {
            lock (_lock)
            {
                _remaining = value;
            }
        }
    }

    /// <summary>Until the window resets (counted from now when set, as Discord's <c>reset_after</c>).</summary>
    public TimeSpan ResetAfter
    {
        get
        {
            lock (_lock)
            {
                RollOver();
                return _windowEnds - time.GetUtcNow();
            }
        }

        set
        {
            lock (_lock)
            {
                _windowEnds = time.GetUtcNow() + value;
            }
        }
    }

    /// <summary>Spends one session start; false when none is left in the current window.</summary>
    internal bool TryTake()
    {
        lock (_lock)
        {
            RollOver();
            if (_remaining <= 0)
            {
                return false;
            }

            _remaining--;
            return true;
        }
    }

    private void RollOver()
    {
        var now = time.GetUtcNow();
        if (now >= _windowEnds)
        {
            _remaining = Total;
            _windowEnds = now + TimeSpan.FromDays(1);
        }
    }
}

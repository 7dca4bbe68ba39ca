using Microsoft.Extensions.Logging;

namespace EditBot.Discord.RateLimits;

/// <summary>
/// Counts 401, 403 and non-shared 429 answers in a sliding 10-minute window. Discord bans the IP for a while at
/// 10,000; we warn at 2,500 and raise an error at 7,500 so someone can look before that happens.
/// </summary>
public sealed class InvalidRequestCounter(TimeProvider timeProvider, ILogger<InvalidRequestCounter> logger)
{
    public const int WarningThreshold = 2_500;
    public const int ErrorThreshold = 7_500;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Queue<DateTimeOffset> _answers = new();
    private bool _warned;
    private bool _erred;

    /// <summary>Invalid answers in the last 10 minutes.</summary>
    public int Count
    {
        get
        {
            lock (_answers)
            {
                Purge(timeProvider.GetUtcNow());
                return _answers.Count;
            }
        }
    }

    public void Record(int statusCode)
    {
        int count;
        bool warn, err;
        lock (_answers)
        {
            var now = timeProvider.GetUtcNow();
            Purge(now);
            _answers.Enqueue(now);
            count = _answers.Count;
            warn = count >= WarningThreshold && !_warned;
            err = count >= ErrorThreshold && !_erred;
            _warned |= warn;
            _erred |= err;
        }

        if (err)
        {
            logger.LogError(
                "Discord answered {Count} invalid requests (401/403/429) in 10 minutes, last {StatusCode}; at 10000 it bans this IP",
                count, statusCode);
        }
        else if (warn)
        {
            logger.LogWarning(
                "Discord answered {Count} invalid requests (401/403/429) in 10 minutes, last {StatusCode}; check permissions before calling",
                count, statusCode);
        }
    }

    private void Purge(DateTimeOffset now)
    {
        while (_answers.Count > 0 && now - _answers.Peek() >= Window)
        {
            _answers.Dequeue();
        }

        // Re-arm the alerts once the count has fallen back well below them.
        if (_answers.Count < WarningThreshold / 2)
        {
            _warned = false;
        }

        if (_answers.Count < ErrorThreshold / 2)
        {
            _erred = false;
        }
    }
}

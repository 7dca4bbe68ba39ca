namespace EditBot.Common.Retry;

/// <summary>
/// Capped, jittered exponential backoff ("full jitter" over an exponential ceiling), which honours a server's
/// Retry-After when it gave one. Shared by every retry loop (the engine, GMI, Discord start-up, the gateway's
/// reconnects, interaction look-ups) so they all back off the same way; it lives in this leaf project because the
/// Discord layer may not depend on the job engine.
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan _base;
    private readonly TimeSpan _cap;
    private readonly Func<double> _random;

    public Backoff(TimeSpan @base, TimeSpan cap, Func<double>? random = null)
    {
        if (@base <= TimeSpan.Zero || cap < @base)
        {
            throw new ArgumentOutOfRangeException(nameof(cap), "Backoff needs 0 < base <= cap.");
        }

        _base = @base;
        _cap = cap;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>
    /// What is wrong with a configured backoff (a base that is not positive, a cap below the base), each problem naming
    /// its configuration key and environment variable; empty when <see cref="Backoff(TimeSpan, TimeSpan, Func{double})"/>
    /// would accept the pair. For the options validators, so a bad setting stops start-up instead of the first retry.
    /// </summary>
    public static IEnumerable<string> SettingProblems(TimeSpan @base, TimeSpan cap, string baseKey, string capKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseKey);
        ArgumentException.ThrowIfNullOrEmpty(capKey);
        if (@base <= TimeSpan.Zero)
        {
            yield return $"{baseKey} must be positive, e.g. 00:00:01 (env {Env(baseKey)}).";
        }

        if (cap < @base)
        {
            yield return $"{capKey} must be at least {baseKey}, e.g. 00:01:00 (env {Env(capKey)}).";
        }
    }

    private static string Env(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>
    /// The wait before retry number <paramref name="attempt"/> (1 = first retry): a random point between half
    /// and all of min(cap, base * 2^(attempt-1)), never less than <paramref name="retryAfter"/>.
    /// </summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter = null)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(_cap.TotalMilliseconds, _base.TotalMilliseconds * Math.Pow(2, exponent));
        // Half-jitter keeps a floor so a retry storm never collapses onto "immediately".
        var jittered = TimeSpan.FromMilliseconds((ceiling / 2) + (_random() * ceiling / 2));
        return retryAfter is { } after && after > jittered ? after : jittered;
    }
}

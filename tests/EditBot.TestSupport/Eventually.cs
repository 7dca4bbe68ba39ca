namespace EditBot.TestSupport;

/// <summary>
/// The tests' one wait: checks a condition (never a fixed sleep) until it holds, within a generous real-time limit for
/// a shared machine, and fails naming what it waited for.
/// </summary>
public static class Eventually
{
    /// <summary>A minute: a waiting test only takes it when it is failing anyway, and a shared 2-core machine is slow.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <param name="betweenChecks">Run after each failed check (e.g. a fake clock moved on).</param>
    public static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Action? betweenChecks = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitUntilAsync(() => Task.FromResult(condition()), what, timeout, betweenChecks);
    }

    /// <summary>As the other overload, for a condition that must await (no blocked threads).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Action? betweenChecks = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            betweenChecks?.Invoke();
            await Task.Delay(20);
        }
    }
}

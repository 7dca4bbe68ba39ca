using Microsoft.Extensions.Time.Testing;

namespace EditBot.Gmi.Tests.Support;

/// <summary>Waits on conditions (never on fixed sleeps) with a generous real-time limit for a busy machine.</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<bool> condition, string what, int seconds = 60)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Advances fake time in steps until the condition holds; returns how much fake time that took.</summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan step, TimeSpan max)
    {
        var advanced = TimeSpan.Zero;
        while (!condition())
        {
            if (advanced > max)
            {
                throw new TimeoutException($"Condition still false after advancing {advanced}");
            }

            time.Advance(step);
            advanced += step;
            // Give the client a moment (real time) to react to the timer before checking again.
            for (var i = 0; i < 20 && !condition(); i++)
            {
                await Task.Delay(5);
            }
        }

        return advanced;
    }
}

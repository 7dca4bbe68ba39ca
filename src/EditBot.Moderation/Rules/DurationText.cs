namespace EditBot.Moderation;

/// <summary>Short durations as refusals print them: "3 h", "3 h 5 min", "42 min", "42 s".</summary>
public static class DurationText
{
    /// <summary>Rounded up to the minute (under a minute, to the second): for "resets … in 3 h".</summary>
    public static string Minutes(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return Seconds(span);
        }

        var minutes = (long)Math.Ceiling(span.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return hours == 0 ? $"{rest} min" : rest == 0 ? $"{hours} h" : $"{hours} h {rest} min";
    }

    /// <summary>Rounded up to the second: for "wait 42 s".</summary>
    public static string Seconds(TimeSpan span)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(span.TotalSeconds));
        if (seconds < 60)
        {
            return $"{seconds} s";
        }

        var (minutes, rest) = (seconds / 60, seconds % 60);
        return minutes >= 60 ? Minutes(TimeSpan.FromSeconds(seconds)) : rest == 0 ? $"{minutes} min" : $"{minutes} min {rest} s";
    }

    /// <summary>"resets at 00:00 UTC, in 3 h" for the UTC day that contains <paramref name="now"/>.</summary>
    public static string DailyReset(DateTimeOffset now, out DateTimeOffset resetsAt)
    {
        resetsAt = UsageCounting.StartOfUtcDay(now).AddDays(1);
        return $"resets at 00:00 UTC, in {Minutes(resetsAt - now)}";
    }
}

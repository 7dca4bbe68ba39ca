namespace EditBot.TestSupport.Discord.Inject;

/// <summary>Unique, increasing snowflake ids (as strings, like on the wire) for test payloads.</summary>
public static class TestSnowflakes
{
    private static long _next = 1_300_000_000_000_000_000;

    public static string Next() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using EditBot.Moderation;

namespace EditBot.Tests.Moderation;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(3 * 3600, "3 h")]
    [InlineData(3 * 3600 + 5 * 60, "3 h 5 min")]
    [InlineData(3 * 3600 + 1, "3 h 1 min")]
    [InlineData(42 * 60, "42 min")]
    [InlineData(42, "42 s")]
    public void Minutes_rounds_up_to_the_minute(int seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Minutes(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(41.2, "42 s")]
    [InlineData(0.1, "1 s")]
    [InlineData(90, "1 min 30 s")]
    [InlineData(120, "2 min")]
    public void Seconds_rounds_up_to_the_second(double seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Seconds(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Daily_reset_is_the_next_utc_midnight()
    {
        var text = DurationText.DailyReset(new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.FromHours(2)), out var resetsAt);

        Assert.Equal("resets at 00:00 UTC, in 3 h", text);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), resetsAt);
    }
}

using EditBot.Discord.RateLimits;
using EditBot.Discord.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.RateLimits;

public sealed class InvalidRequestCounterTests
{
    [Fact]
    public void Warns_at_2500_and_errs_at_7500_invalid_answers_in_ten_minutes()
    {
        var time = new FakeTimeProvider();
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var counter = new InvalidRequestCounter(time, factory.CreateLogger<InvalidRequestCounter>());

        for (var i = 0; i < 2499; i++)
        {
            counter.Record(403);
        }

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
        counter.Record(401);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("2500", StringComparison.Ordinal));

        for (var i = 0; i < 5000; i++)
        {
            counter.Record(429);
        }

        Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("7500", StringComparison.Ordinal));
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public void Answers_older_than_ten_minutes_drop_out_of_the_count()
    {
        var time = new FakeTimeProvider();
        using var factory = LoggerFactory.Create(_ => { });
        var counter = new InvalidRequestCounter(time, factory.CreateLogger<InvalidRequestCounter>());

        counter.Record(403);
        time.Advance(TimeSpan.FromMinutes(6));
        counter.Record(403);
        Assert.Equal(2, counter.Count);

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(1, counter.Count);
    }
}

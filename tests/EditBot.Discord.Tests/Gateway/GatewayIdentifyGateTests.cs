using EditBot.Discord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Gateway;

public sealed class GatewayIdentifyGateTests
{
    private static GatewayBotInfo Info(int maxConcurrency, int remaining = 1000, TimeSpan? resetAfter = null) =>
        new(new Uri("wss://gateway.test"), 4, 1000, remaining, resetAfter ?? TimeSpan.FromHours(1), maxConcurrency);

    [Fact]
    public async Task Shards_of_one_bucket_identify_five_seconds_apart()
    {
        var time = new FakeTimeProvider();
        using var gate = new GatewayIdentifyGate(time, NullLogger<GatewayIdentifyGate>.Instance);
        gate.Configure(Info(maxConcurrency: 1));

        await gate.WaitAsync(0, CancellationToken.None);
        var second = gate.WaitAsync(1, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(4_999));
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Different_buckets_identify_together()
    {
        var time = new FakeTimeProvider();
        using var gate = new GatewayIdentifyGate(time, NullLogger<GatewayIdentifyGate>.Instance);
        gate.Configure(Info(maxConcurrency: 2));

        await gate.WaitAsync(0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await gate.WaitAsync(1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var sameBucketAsZero = gate.WaitAsync(2, CancellationToken.None);
        await Task.Delay(50);

        Assert.False(sameBucketAsZero.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await sameBucketAsZero.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Exhausted_session_start_budget_waits_for_its_reset_and_says_why()
    {
        var time = new FakeTimeProvider();
        var log = new ListLogger<GatewayIdentifyGate>();
        using var gate = new GatewayIdentifyGate(time, log);
        gate.Configure(Info(maxConcurrency: 1, remaining: 0, resetAfter: TimeSpan.FromMinutes(30)));

        var identify = gate.WaitAsync(0, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(identify.IsCompleted);
        Assert.Contains(log.Lines, l => l.Contains("session start limit", StringComparison.Ordinal));

        time.Advance(TimeSpan.FromMinutes(30));
        await identify.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

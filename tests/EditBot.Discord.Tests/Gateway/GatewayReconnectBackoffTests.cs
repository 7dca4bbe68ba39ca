using EditBot.Discord.Gateway;

namespace EditBot.Discord.Tests.Gateway;

public sealed class GatewayReconnectBackoffTests
{
    [Fact]
    public void Delay_doubles_per_attempt_up_to_the_cap_and_starts_over_after_reset()
    {
        var backoff = new GatewayReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), () => 1.0);

        var delays = Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ToList();
        backoff.Reset();

        Assert.Equal([1, 2, 4, 8, 8, 8], delays);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }

    [Fact]
    public void Jitter_keeps_the_delay_between_half_and_all_of_the_ceiling()
    {
        var low = new GatewayReconnectBackoff(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(60), () => 0.0);
        var high = new GatewayReconnectBackoff(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(60), () => 0.999);

        Assert.Equal(TimeSpan.FromSeconds(2), low.Next());
        Assert.InRange(high.Next(), TimeSpan.FromSeconds(3.99), TimeSpan.FromSeconds(4));
    }
}

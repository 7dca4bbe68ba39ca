using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>
/// A gateway that accepts the socket but never sends HELLO is given up on after <c>HelloTimeout</c> and the shard
/// connects again. Old code: the first receive had no timeout, so the shard hung on that socket for ever (one
/// connection, never identified, the bot silently deaf).
/// </summary>
public sealed class GatewayHelloTimeoutTests
{
    [Fact]
    public async Task A_connection_without_hello_is_abandoned_after_the_timeout_and_the_next_one_identifies()
    {
        var time = new FakeTimeProvider();
        await using var h = await GatewayHarness.CreateAsync(time);
        h.Gateway.WithholdHelloConnections = 1;
        h.Client.HelloTimeout = TimeSpan.FromSeconds(20);
        h.Start();
        await h.WaitAsync(() => h.Gateway.ConnectionCount == 1, "the first connection");

        await h.WaitAsync(() => h.Gateway.Identifies.Count == 1, "an identify on a second connection", step: TimeSpan.FromSeconds(1));

        Assert.Equal(2, h.Gateway.ConnectionCount);
        Assert.Contains(h.Log.Lines, m => m.Contains("HELLO", StringComparison.Ordinal));
    }
}

using EditBot.Discord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>The daily session-start budget counts identifies that were sent, not waits that were abandoned.</summary>
public sealed class IdentifyBudgetTests
{
    [Fact]
    public async Task A_wait_abandoned_before_its_slot_gives_its_session_start_back()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var gate = new GatewayIdentifyGate(time, NullLogger<GatewayIdentifyGate>.Instance);
        gate.Configure(new GatewayBotInfo(new Uri("wss://gateway.example"), 1, 1000, 2, TimeSpan.FromDays(1), 1));
        await gate.WaitAsync(0, CancellationToken.None); // first identify: budget 2 -> 1

        using var connectionEnded = new CancellationTokenSource();
        var abandoned = gate.WaitAsync(0, connectionEnded.Token); // waits for the 5 s slot
        await connectionEnded.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        var next = gate.WaitAsync(0, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));

        // With the start given back it identifies in its slot; had it been spent, this would wait a whole day.
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

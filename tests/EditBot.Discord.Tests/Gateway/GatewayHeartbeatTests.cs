using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>Heartbeat timing on a FakeTimeProvider: first beat jittered, then every interval; zombies resume.</summary>
public sealed class GatewayHeartbeatTests
{
    [Fact]
    public async Task First_heartbeat_waits_interval_times_jitter_then_beats_every_interval_with_the_last_sequence()
    {
        var time = new FakeTimeProvider();
        await using var h = await GatewayHarness.CreateAsync(time);
        h.Gateway.HeartbeatIntervalMs = 10_000;
        h.Client.Jitter = () => 0.25;
        h.Start();
        await h.Gateway.WaitForLiveSessionsAsync(); // the first beat is scheduled before IDENTIFY goes out

        time.Advance(TimeSpan.FromMilliseconds(2_499));
        await Task.Delay(100);
        Assert.Empty(h.Gateway.Heartbeats);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await h.Gateway.WaitUntilAsync(g => g.Heartbeats.Count == 1, what: "first heartbeat");
        Assert.Equal(1, h.Gateway.Heartbeats[0].Seq); // READY's sequence
        await h.WaitAsync(() => h.State.HeartbeatLatency is not null, "first ack");
        Assert.Equal(TimeSpan.Zero, h.State.HeartbeatLatency); // no fake time passed between beat and ack

        time.Advance(TimeSpan.FromMilliseconds(9_999));
        await Task.Delay(100);
        Assert.Single(h.Gateway.Heartbeats);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await h.Gateway.WaitUntilAsync(g => g.Heartbeats.Count == 2, what: "second heartbeat");
        Assert.Equal(TimeSpan.FromMilliseconds(10_000), h.Gateway.Heartbeats[1].At - h.Gateway.Heartbeats[0].At);
    }

    [Fact]
    public async Task Server_heartbeat_request_is_answered_at_once()
    {
        var time = new FakeTimeProvider();
        await using var h = await GatewayHarness.CreateAsync(time);
        h.Start();
        await h.Gateway.WaitForLiveSessionsAsync();

        await h.Gateway.SendHeartbeatRequestAsync();

        await h.Gateway.WaitUntilAsync(g => g.Heartbeats.Count == 1, what: "answer to op 1");
    }

    [Fact]
    public async Task Missing_ack_is_a_zombie_closed_with_a_non_1000_code_and_resumed()
    {
        var time = new FakeTimeProvider();
        await using var h = await GatewayHarness.CreateAsync(time);
        h.Gateway.HeartbeatIntervalMs = 1_000;
        h.Gateway.AcknowledgeHeartbeats = false;
        h.Start();
        await h.Gateway.WaitForLiveSessionsAsync();

        await h.WaitAsync(() => h.Gateway.Resumes.Count == 1, "resume after zombie", step: TimeSpan.FromMilliseconds(250));
        h.Gateway.AcknowledgeHeartbeats = true;

        Assert.NotEmpty(h.Gateway.Heartbeats);
        Assert.Contains(h.Gateway.ClientCloseCodes, c => c is not null and not 1000 and not 1001);
        Assert.Single(h.Gateway.Identifies);
        Assert.Contains(h.Log.Lines, l => l.Contains("no heartbeat ack", StringComparison.Ordinal));
    }
}

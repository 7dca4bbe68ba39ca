using System.Diagnostics;
using Xunit.Abstractions;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>
/// Waiting for the identify slot (one per 5 s per bucket) must not look like a dead connection: heartbeats start at
/// HELLO and their acks are read while IDENTIFY waits. Real time on purpose: the slot, the heartbeat and the fake's
/// deadlines all run at Discord's pace, with a short (1.5 s) heartbeat interval that fits several times into a slot.
/// </summary>
public sealed class GatewayIdentifySlotTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_close_4009_with_a_short_heartbeat_the_shard_identifies_within_6_s_and_stays_connected()
    {
        await using var h = await GatewayHarness.CreateAsync();
        h.IdentifyInterval = TimeSpan.FromSeconds(5);
        h.Gateway.HeartbeatIntervalMs = 1_500;
        h.Start();
        await h.Gateway.WaitForLiveSessionsAsync();

        var closedAt = Stopwatch.GetTimestamp();
        await h.Gateway.CloseAsync(4009, "Session timed out.");
        var beatsBefore = h.Gateway.Heartbeats.Count;
        await h.Gateway.WaitForIdentifyAsync(2, TimeSpan.FromSeconds(6));
        var identifiedAfter = Stopwatch.GetElapsedTime(closedAt);
        var beatsWhileWaiting = h.Gateway.Heartbeats.Count - beatsBefore;
        output.WriteLine($"IDENTIFY {identifiedAfter.TotalMilliseconds:F0} ms after close 4009; {beatsWhileWaiting} heartbeats meanwhile");
        await h.WaitForEventsAsync(e => e.Count(x => x.Type == "READY") == 2, "second READY");
        var connections = h.Gateway.ConnectionCount;

        // Three heartbeat intervals on the new session: it must stay (no zombie close, no fake deadline, no reconnect).
        var beatsAtReady = h.Gateway.Heartbeats.Count;
        await h.Gateway.WaitUntilAsync(g => g.Heartbeats.Count >= beatsAtReady + 3, TimeSpan.FromSeconds(6), "three more heartbeats");

        Assert.True(identifiedAfter < TimeSpan.FromSeconds(6), $"identified {identifiedAfter} after the close");
        Assert.True(beatsWhileWaiting >= 2, $"{beatsWhileWaiting} heartbeats while IDENTIFY waited for its slot");
        Assert.Equal(2, h.Gateway.ConnectionCount);
        Assert.Equal(connections, h.Gateway.ConnectionCount);
        Assert.Equal(1, h.Gateway.LiveSessionCount);
        Assert.Equal([4009], h.Gateway.ServerCloseCodes);
        Assert.DoesNotContain(4000, h.Gateway.ClientCloseCodes); // no zombie verdict
        Assert.Equal(2, h.Gateway.Identifies.Count);
        Assert.Empty(h.Gateway.Resumes);
    }

    [Fact]
    public async Task After_op_9_not_resumable_with_a_short_heartbeat_the_shard_identifies_within_6_s_and_stays_connected()
    {
        await using var h = await GatewayHarness.CreateAsync();
        h.IdentifyInterval = TimeSpan.FromSeconds(5);
        h.Gateway.HeartbeatIntervalMs = 1_500;
        h.Start();
        await h.Gateway.WaitForLiveSessionsAsync();

        var sentAt = Stopwatch.GetTimestamp();
        await h.Gateway.SendInvalidSessionAsync(resumable: false);
        var beatsBefore = h.Gateway.Heartbeats.Count;
        await h.Gateway.WaitForIdentifyAsync(2, TimeSpan.FromSeconds(6));
        var identifiedAfter = Stopwatch.GetElapsedTime(sentAt);
        output.WriteLine($"IDENTIFY {identifiedAfter.TotalMilliseconds:F0} ms after op 9 d=false; {h.Gateway.Heartbeats.Count - beatsBefore} heartbeats meanwhile");
        await h.WaitForEventsAsync(e => e.Count(x => x.Type == "READY") == 2, "second READY");
        var connections = h.Gateway.ConnectionCount;

        // Three heartbeat intervals on the new session: it must stay (no zombie close, no fake deadline, no reconnect).
        var beatsAtReady = h.Gateway.Heartbeats.Count;
        await h.Gateway.WaitUntilAsync(g => g.Heartbeats.Count >= beatsAtReady + 3, TimeSpan.FromSeconds(6), "three more heartbeats");

        Assert.True(identifiedAfter < TimeSpan.FromSeconds(6), $"identified {identifiedAfter} after op 9");
        Assert.Equal(connections, h.Gateway.ConnectionCount);
        Assert.Equal(1, h.Gateway.LiveSessionCount);
        Assert.Empty(h.Gateway.ServerCloseCodes); // no 4008 (identified too early), no 4009 (missed heartbeat deadline)
        Assert.DoesNotContain(4000, h.Gateway.ClientCloseCodes); // no zombie verdict
        Assert.Equal(2, h.Gateway.Identifies.Count);
        Assert.Empty(h.Gateway.Resumes); // op 9 d=false: the session is gone, resuming it would be wrong
    }
}

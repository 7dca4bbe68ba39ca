using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>How the shard recovers from lost connections and gateway requests: resume (nothing lost) or identify again.</summary>
public sealed class GatewayReconnectTests
{
    [Fact]
    public async Task Dropped_connection_is_resumed_and_no_dispatch_is_lost()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();
        await DispatchNumbersAsync(h, 1, 20);
        await h.WaitForEventsAsync(_ => h.Numbers().Count >= 5, "first events");

        h.Gateway.DropConnections();
        await DispatchNumbersAsync(h, 21, 40); // some of these are sent while the client is away

        var resume = await h.Gateway.WaitForResumeAsync();
        await h.WaitForEventsAsync(_ => h.Numbers().Count >= 40, "all 40 events");
        Assert.Equal(Enumerable.Range(1, 40), h.Numbers());
        Assert.Equal(GatewayHarness.Token, resume.Token);
        Assert.Single(h.Gateway.Identifies);
        Assert.Contains(h.Events, e => e.Type == "RESUMED");
    }

    [Fact]
    public async Task Dispatches_sent_while_disconnected_are_replayed_in_order_on_resume()
    {
        var time = new FakeTimeProvider();
        await using var h = (await GatewayHarness.CreateAsync(time)).Start();
        await h.Gateway.WaitForLiveSessionsAsync();
        await DispatchNumbersAsync(h, 1, 10);
        await h.WaitForEventsAsync(_ => h.Numbers().Count == 10, "first 10 events");

        h.Gateway.DropConnections();
        await h.Gateway.WaitUntilAsync(g => g.LiveSessionCount == 0, what: "the drop");
        await DispatchNumbersAsync(h, 11, 30); // the reconnect waits for (fake) backoff time: all of these are missed

        await h.WaitAsync(() => h.Numbers().Count >= 30, "replayed events", step: TimeSpan.FromMilliseconds(100));
        Assert.Equal(Enumerable.Range(1, 30), h.Numbers());
        Assert.Equal(11, Assert.Single(h.Gateway.Resumes).Seq); // READY + 10 dispatches
        Assert.Single(h.Gateway.Identifies);
    }

    [Fact]
    public async Task Reconnect_request_op7_is_resumed_with_the_last_sequence()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();
        await DispatchNumbersAsync(h, 1, 3);
        await h.WaitForEventsAsync(_ => h.Numbers().Count == 3, "3 events");

        await h.Gateway.SendReconnectAsync();
        var resume = await h.Gateway.WaitForResumeAsync();
        await h.Gateway.WaitForLiveSessionsAsync();
        await DispatchNumbersAsync(h, 4, 5);

        await h.WaitForEventsAsync(_ => h.Numbers().Count == 5, "5 events");
        Assert.Equal(4, resume.Seq); // READY was 1, then three dispatches
        Assert.Equal([1, 2, 3, 4, 5], h.Numbers());
        Assert.Contains(h.Gateway.ClientCloseCodes, c => c is not (1000 or 1001));
        Assert.Single(h.Gateway.Identifies);
    }

    [Fact]
    public async Task Resumable_invalid_session_is_resumed()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();

        await h.Gateway.SendInvalidSessionAsync(resumable: true);

        await h.Gateway.WaitForResumeAsync();
        await h.Gateway.WaitForLiveSessionsAsync();
        Assert.Single(h.Gateway.Identifies);
    }

    [Fact]
    public async Task Invalid_session_that_is_not_resumable_identifies_again()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();

        await h.Gateway.SendInvalidSessionAsync(resumable: false);

        await h.Gateway.WaitForIdentifyAsync(2);
        await h.WaitForEventsAsync(e => e.Count(x => x.Type == "READY") == 2, "second READY");
        Assert.Empty(h.Gateway.Resumes);
    }

    [Fact]
    public async Task Stopping_closes_with_1000_and_ends_the_session()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();

        await h.StopAsync();
        await h.Run.WaitAsync(TimeSpan.FromSeconds(20));

        await h.Gateway.WaitUntilAsync(g => g.ClientCloseCodes.Count == 1, what: "client close");
        Assert.Equal(1000, h.Gateway.ClientCloseCodes[0]);
        Assert.False(h.State.IsConnected);
        Assert.Equal(1, h.Gateway.ConnectionCount);
    }

    [Fact]
    public async Task Messages_split_over_many_websocket_frames_arrive_whole()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();
        h.Gateway.FragmentSize = 4096;
        var big = new string('x', 3 * 1024 * 1024);

        await h.Gateway.DispatchAsync("MESSAGE_CREATE", new JsonObject { ["n"] = 1, ["content"] = big });

        await h.WaitForEventsAsync(_ => h.Numbers().Count == 1, "the 3 MB event");
        var data = System.Text.Json.JsonDocument.Parse(h.Events.Single(e => e.Type == "MESSAGE_CREATE").Data);
        Assert.Equal(big, data.RootElement.GetProperty("content").GetString());
    }

    internal static async Task DispatchNumbersAsync(GatewayHarness h, int from, int to)
    {
        for (var n = from; n <= to; n++)
        {
            await h.Gateway.DispatchAsync("MESSAGE_CREATE", new JsonObject { ["n"] = n, ["content"] = $"message {n}" });
        }
    }
}

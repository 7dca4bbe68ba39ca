using System.Diagnostics;
using EditBot.Discord.Models;
using EditBot.Discord.Tests.Support;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport;

namespace EditBot.Discord.Tests.RateLimits;

public sealed class RateLimitTests
{
    private const string MessagesRoute = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task Five_hundred_sends_over_five_channels_draw_no_429_and_take_about_the_time_the_limits_allow()
    {
        // 10 messages per 1.5 s per channel: 100 messages a channel need 10 windows, i.e. 9 waits of 1.5 s = 13.5 s.
        // The five channels' bursts line up (50 at once, the global cap), so the windows are long enough that the
        // tail of one burst never shares a second with the next, even when a busy machine spreads a burst out.
        await using var h = await DiscordRestHarness.StartAsync(f => f.SetRouteLimit(MessagesRoute, 10, TimeSpan.FromSeconds(1.5)));
        var channels = Enumerable.Range(0, 5).Select(_ => h.Fake.AddChannel()).ToList();
        var allowed = TimeSpan.FromSeconds(9 * 1.5);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(channels.Select(channel => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = $"message {i}" }, cancellationToken: Cancel.After(120));
            }
        })));
        clock.Stop();

        Assert.Empty(h.Fake.RateLimitAnswers);
        Assert.Equal(500, h.Fake.Requests.Count);
        Assert.All(channels, c => Assert.Equal(100, h.Fake.MessagesIn(c.Id).Count));
        Assert.InRange(clock.Elapsed, allowed * 0.95, allowed * 1.1);
    }

    [Fact]
    public async Task A_burst_from_many_concurrent_senders_bound_by_the_global_limit_draws_no_429()
    {
        // 200 senders at once over 40 channels (each channel far below its own limit), so only the global 50/s binds.
        // A limiter that counted requests from their scheduled send time let late sends bunch into the server's next
        // window and drew global 429s here (and in the 200-user benchmark); requests now count until their answer.
        await using var h = await DiscordRestHarness.StartAsync();
        var channels = Enumerable.Range(0, 40).Select(_ => h.Fake.AddChannel()).ToList();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            h.Rest.CreateMessageAsync(channels[i % channels.Count].Id, new MessageBody { Content = $"burst {i}" }, cancellationToken: Cancel.After(120)))));

        Assert.Empty(h.Fake.RateLimitAnswers);
        Assert.Equal(200, channels.Sum(c => h.Fake.MessagesIn(c.Id).Count));
    }

    [Theory]
    [InlineData(FakeRateLimitScope.User, 1)]
    [InlineData(FakeRateLimitScope.Shared, 0)]
    public async Task A_forced_route_429_is_waited_out_and_retried(FakeRateLimitScope scope, int countedAsInvalid)
    {
        await using var h = await DiscordRestHarness.StartAsync(f => f.ForceRateLimit(scope, TimeSpan.FromMilliseconds(400), MessagesRoute));
        var channel = h.Fake.AddChannel();

        var clock = Stopwatch.StartNew();
        await h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "after the wait" }, cancellationToken: Cancel.After());

        var answer = Assert.Single(h.Fake.RateLimitAnswers);
        Assert.Equal(scope, answer.Scope);
        Assert.Equal([429, 200], h.Fake.Requests.Select(r => r.Status));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(390), $"retried after {clock.Elapsed}");
        Assert.Equal(countedAsInvalid, h.InvalidRequests.Count);
    }

    [Fact]
    public async Task A_global_429_holds_back_every_route_until_retry_after()
    {
        await using var h = await DiscordRestHarness.StartAsync(f => f.ForceRateLimit(FakeRateLimitScope.Global, TimeSpan.FromMilliseconds(500), MessagesRoute));
        var first = h.Fake.AddChannel();
        var second = h.Fake.AddChannel();

        var blocked = h.Rest.CreateMessageAsync(first.Id, new MessageBody { Content = "one" }, cancellationToken: Cancel.After());
        // Wait until the client has seen the 429 (it holds every route before counting it), not merely until the fake
        // sent it: a request already in flight while the 429 travels back would be early through no fault of the client.
        await Eventually.WaitUntilAsync(() => h.InvalidRequests.Count == 1, "one invalid request counted");
        var other = await h.Rest.GetChannelAsync(second.Id, Cancel.After());
        await blocked;

        Assert.Equal(second.Id, other.Id);
        Assert.DoesNotContain(h.Fake.RateLimitAnswers, a => a.Early);
        Assert.Equal(FakeRateLimitScope.Global, Assert.Single(h.Fake.RateLimitAnswers).Scope);
        Assert.Equal(1, h.InvalidRequests.Count);
    }

    [Fact]
    public async Task Interaction_routes_are_not_held_back_by_the_global_limit()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        await h.Rest.GetApplicationIdAsync(Cancel.After()); // the host learns it at start; it is a non-interaction route
        h.Fake.ForceRateLimit(FakeRateLimitScope.Global, TimeSpan.FromSeconds(30), MessagesRoute);
        var channel = h.Fake.AddChannel();
        h.Fake.RegisterInteraction(7, "tok-7", channel.Id);

        var blocked = h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "waits 30 s" }, cancellationToken: Cancel.After(120));
        await Eventually.WaitUntilAsync(() => h.Fake.RateLimitAnswers.Count == 1, "one rate-limit answer");
        await h.Responders.Create(7, "tok-7").DeferAsync(cancellationToken: Cancel.After());
        await h.Rest.EditOriginalResponseAsync("tok-7", new MessageBody { Content = "still answered" }, cancellationToken: Cancel.After());

        Assert.False(blocked.IsCompleted);
        Assert.Equal("still answered", h.Fake.GetMessage(h.Fake.GetInteraction("tok-7")!.OriginalMessageId!.Value)!.Content);
        Assert.DoesNotContain(h.Fake.RateLimitAnswers, a => a.Early);
    }
}

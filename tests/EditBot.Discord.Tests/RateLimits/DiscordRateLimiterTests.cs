using System.Net;
using EditBot.Discord.RateLimits;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.RateLimits;

public sealed class DiscordRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly DiscordRateLimiter _limiter;

    public DiscordRateLimiterTests() =>
        _limiter = new DiscordRateLimiter(_time, new InvalidRequestCounter(_time, NullLogger<InvalidRequestCounter>.Instance), NullLogger<DiscordRateLimiter>.Instance);

    private static DiscordRoute Messages(ulong channel) =>
        DiscordRoute.Channel(HttpMethod.Post, "/channels/{channel_id}/messages", channel, $"/channels/{channel}/messages");

    private static HttpResponseMessage Answer(HttpStatusCode status, int remaining, double resetAfter, string bucket = "abc")
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Add("X-RateLimit-Limit", "5");
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Bucket", bucket);
        return response;
    }

    [Fact]
    public async Task An_empty_bucket_makes_the_next_request_wait_for_its_reset()
    {
        using (var lease = await _limiter.AcquireAsync(Messages(1), CancellationToken.None))
        {
            using var answer = Answer(HttpStatusCode.OK, remaining: 0, resetAfter: 2);
            lease.Complete(answer, null, false);
        }

        var next = _limiter.AcquireAsync(Messages(1), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(next.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(200));
        (await next.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task Another_channel_has_its_own_bucket()
    {
        using (var lease = await _limiter.AcquireAsync(Messages(1), CancellationToken.None))
        {
            using var answer = Answer(HttpStatusCode.OK, remaining: 0, resetAfter: 60);
            lease.Complete(answer, null, false);
        }

        var other = await _limiter.AcquireAsync(Messages(2), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        other.Dispose();
    }

    [Fact]
    public async Task A_429_blocks_the_bucket_for_retry_after_and_counts_as_invalid()
    {
        using (var lease = await _limiter.AcquireAsync(Messages(1), CancellationToken.None))
        {
            using var answer = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            answer.Headers.Add("X-RateLimit-Scope", "user");
            Assert.Equal(TimeSpan.FromSeconds(3), lease.Complete(answer, TimeSpan.FromSeconds(3), false));
        }

        var retry = _limiter.AcquireAsync(Messages(1), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(retry.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        (await retry.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        Assert.Equal(1, _limiter.InvalidRequests.Count);
    }

    [Fact]
    public async Task The_global_budget_lets_its_requests_a_second_through_but_does_not_hold_back_interaction_routes()
    {
        Assert.Equal(50, _limiter.GlobalRequestsPerSecond);
        for (var i = 0; i < _limiter.GlobalRequestsPerSecond; i++)
        {
            (await _limiter.AcquireAsync(Messages((ulong)i + 100), CancellationToken.None)).Dispose();
        }

        var fiftyFirst = _limiter.AcquireAsync(Messages(999), CancellationToken.None);
        var callback = await _limiter.AcquireAsync(DiscordRoute.InteractionCallback(1, "t", "/interactions/1/t/callback"), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));
        callback.Dispose();
        Assert.False(fiftyFirst.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1.1));
        (await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }
}

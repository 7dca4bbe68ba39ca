using System.Net;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Discord.Tests.Support;
using EditBot.TestSupport;

namespace EditBot.Discord.Tests.Rest;

/// <summary>Cloudflare in front of Discord answers with HTML error pages and header-only 429s: the client copes.</summary>
public sealed class ProxyErrorTests
{
    private const string MessagesRoute = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task An_html_502_page_is_retried_and_the_message_is_sent()
    {
        await using var h = await DiscordRestHarness.StartAsync(f => f.ForceHtmlError(502, MessagesRoute));
        var channel = h.Fake.AddChannel();

        await h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "after the page" }, cancellationToken: Cancel.After(30));

        Assert.Equal([502, 200], h.Fake.Requests.Select(r => r.Status));
        Assert.Single(h.Fake.MessagesIn(channel.Id));
    }

    [Fact]
    public async Task An_html_error_page_that_persists_surfaces_as_a_discord_error_with_its_status()
    {
        await using var h = await DiscordRestHarness.StartAsync(f => f.ForceHtmlError(502, MessagesRoute, times: 10));
        var channel = h.Fake.AddChannel();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "never" }, cancellationToken: Cancel.After(30)));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(0, error.Code);
        Assert.Equal(3, h.Fake.Requests.Count); // the transient retries, then the error
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cloudflare_429_without_a_json_body_is_waited_out_for_every_route(bool html)
    {
        await using var h = await DiscordRestHarness.StartAsync(f => f.ForceCloudflareRateLimit(TimeSpan.FromSeconds(1), MessagesRoute, html: html));
        var channel = h.Fake.AddChannel();

        var send = h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "after the ban" }, cancellationToken: Cancel.After(30));
        // Once the client has read the 429, a request on another route must wait too: Cloudflare limits the address.
        await Eventually.WaitUntilAsync(() => h.Logs.Entries.Any(e => e.Message.Contains("rate limited", StringComparison.OrdinalIgnoreCase)), "the rate-limit log line", TimeSpan.FromSeconds(10));
        await h.Rest.GetChannelAsync(channel.Id, Cancel.After(30));
        await send;

        var answers = h.Fake.RateLimitAnswers;
        Assert.Single(answers);
        Assert.DoesNotContain(answers, a => a.Early);
        Assert.Single(h.Fake.MessagesIn(channel.Id));
    }
}

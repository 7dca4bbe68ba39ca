using System.Net;
using System.Text;
using EditBot.Discord.HttpInteractions;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.Tests.HttpInteractions;

public sealed class InteractionEndpointTests
{
    [Fact]
    public async Task Ping_with_a_valid_signature_gets_pong()
    {
        await using var host = await InteractionEndpointHost.StartAsync();

        using var response = await host.Sender.SendPingAsync(host.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Valid_interaction_is_routed_to_the_handler_and_its_answer_is_the_response()
    {
        await using var host = await InteractionEndpointHost.StartAsync();
        var body = InteractionPayloads.SlashCommand("edit", CommandOption.Text("prompt", "a hat")).ToJsonString();

        var sending = host.Sender.SendAsync(host.Url, body);
        var received = await host.Channel.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(received.HttpReply!.TryComplete("""{"type":4,"data":{"content":"hi"}}"""u8.ToArray(), "application/json"));
        using var response = await sending;

        Assert.Equal("INTERACTION_CREATE", received.Type);
        Assert.Equal(0, received.ShardId);
        Assert.Equal(body, Encoding.UTF8.GetString(received.Data.Span));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":4,"data":{"content":"hi"}}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(InteractionSignature.Tampered)]
    [InlineData(InteractionSignature.WrongKey)]
    [InlineData(InteractionSignature.Missing)]
    public async Task Bad_or_missing_signature_is_refused_with_401(InteractionSignature signature)
    {
        await using var host = await InteractionEndpointHost.StartAsync();

        using var ping = await host.Sender.SendAsync(host.Url, InteractionPayloads.Ping(), signature);
        // A command is what would reach the handlers (pings never do): it must be refused before that too.
        using var command = await host.Sender.SendAsync(host.Url, InteractionPayloads.SlashCommand("edit"), signature);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (ping.StatusCode, command.StatusCode));
        Assert.False(host.Channel.Reader.TryRead(out _));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Timestamp_more_than_five_minutes_from_now_is_refused_with_401(int minutes)
    {
        await using var host = await InteractionEndpointHost.StartAsync();

        using var response = await host.Sender.SendAsync(
            host.Url, InteractionPayloads.Ping(), InteractionSignature.Valid, host.Time.GetUtcNow().AddMinutes(minutes));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Timestamp_within_five_minutes_is_accepted()
    {
        await using var host = await InteractionEndpointHost.StartAsync();

        using var response = await host.Sender.SendAsync(
            host.Url, InteractionPayloads.Ping(), InteractionSignature.Valid, host.Time.GetUtcNow().AddMinutes(-4));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(false, """{"type":5}""")]
    [InlineData(true, """{"type":6}""")]
    public async Task Handler_slower_than_the_reply_timeout_gets_a_deferred_answer_and_continues_over_rest(bool button, string expected)
    {
        await using var host = await InteractionEndpointHost.StartAsync();
        var body = button
            ? InteractionPayloads.ButtonClick("job:1:reroll", MessagePayloads.Message("result"))
            : InteractionPayloads.SlashCommand("edit", CommandOption.Text("prompt", "a hat"));

        var sending = host.Sender.SendAsync(host.Url, body);
        var received = await host.Channel.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        host.Time.Advance(TimeSpan.FromMilliseconds(2500));
        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.False(received.HttpReply!.TryComplete("""{"type":4}"""u8.ToArray(), "application/json"));
        Assert.True(received.HttpReply.Response.IsCanceled);
    }

    [Fact]
    public void Http_transport_without_a_valid_public_key_fails_validation_naming_the_key()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddOptions<DiscordOptions>().Configure(o =>
        {
            o.Transport = DiscordTransport.Http;
            o.PublicKey = "not-hex";
        });
        services.AddEditBotDiscordHttpInteractions();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:PublicKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(PublicKeyValidation.Message, error.Failures);
    }
}

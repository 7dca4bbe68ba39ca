using System.Net;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Discord.Tests.Support;

namespace EditBot.Discord.Tests.Rest;

public sealed class ErrorHandlingTests
{
    private const string MessagesRoute = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task Discord_errors_surface_typed_with_status_code_and_message()
    {
        await using var h = await DiscordRestHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.GetChannelAsync(42, Cancel.After()));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(DiscordErrorCodes.UnknownChannel, error.Code);
        Assert.Equal("Unknown Channel", error.DiscordMessage);
        Assert.Equal("GET /channels/{channel_id}", error.Route);
    }

    [Fact]
    public async Task Field_errors_of_an_invalid_form_are_kept()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var channel = h.Fake.AddChannel();

        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = new string('a', 2001) }, cancellationToken: Cancel.After()));

        Assert.Equal(50035, error.Code);
        Assert.Contains("content", error.ErrorsJson);
    }

    [Fact]
    public async Task Forbidden_is_never_retried_and_counts_as_an_invalid_request()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var channel = h.Fake.AddChannel();
        var message = h.Fake.AddMessage(channel.Id, "hi");
        h.Fake.DenyThreadCreation(channel.Id);

        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => h.Rest.StartThreadFromMessageAsync(channel.Id, message.Id, "Edit", cancellationToken: Cancel.After()));

        Assert.Equal((HttpStatusCode.Forbidden, DiscordErrorCodes.MissingPermissions), (error.StatusCode, error.Code));
        Assert.True(error.IsMissingPermissions);
        Assert.Single(h.Fake.Requests);
        Assert.Equal(1, h.InvalidRequests.Count);
    }

    [Fact]
    public async Task Unauthorized_is_never_retried_and_the_token_is_in_no_message_or_log()
    {
        await using var h = await DiscordRestHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:Token"] = "wrong-secret-token" });

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.GetCurrentApplicationAsync(Cancel.After()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Single(h.Fake.Requests);
        Assert.DoesNotContain("wrong-secret-token", error.ToString());
        Assert.DoesNotContain(h.Logs.Entries, e => e.Message.Contains("wrong-secret-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interaction_tokens_stay_out_of_exceptions_and_logs()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        h.Fake.RegisterInteraction(1, "very-secret-interaction-token", h.Fake.AddChannel().Id);
        h.Fake.ForceServerError(503, "PATCH /webhooks/{application_id}/{interaction_token}/messages/@original", times: 5);

        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => h.Rest.EditOriginalResponseAsync("very-secret-interaction-token", new MessageBody { Content = "x" }, cancellationToken: Cancel.After()));

        Assert.DoesNotContain("very-secret-interaction-token", error.ToString());
        Assert.DoesNotContain(h.Logs.Entries, e => e.Message.Contains("very-secret-interaction-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gateway_errors_are_retried_until_the_request_goes_through()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var channel = h.Fake.AddChannel();
        h.Fake.ForceServerError(502, MessagesRoute, times: 2);

        var sent = await h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "finally" }, cancellationToken: Cancel.After());

        Assert.Equal([502, 502, 200], h.Fake.Requests.Select(r => r.Status));
        Assert.Single(h.Fake.MessagesIn(channel.Id));
        Assert.Equal("finally", sent.Content);
    }

    [Fact]
    public async Task An_internal_server_error_on_a_post_is_not_repeated()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var channel = h.Fake.AddChannel();
        h.Fake.ForceServerError(500, MessagesRoute);

        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "maybe posted" }, cancellationToken: Cancel.After()));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(h.Fake.Requests);
    }
}

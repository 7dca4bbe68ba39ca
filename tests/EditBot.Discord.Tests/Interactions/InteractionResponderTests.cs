using System.Text;
using System.Text.Json.Nodes;
using EditBot.Discord.Events;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Discord.Tests.Support;

namespace EditBot.Discord.Tests.Interactions;

public sealed class InteractionResponderTests : IAsyncLifetime
{
    private DiscordRestHarness _h = null!;
    private ulong _channelId;

    public async Task InitializeAsync()
    {
        _h = await DiscordRestHarness.StartAsync();
        _channelId = _h.Fake.AddChannel().Id;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Over_the_gateway_a_deferred_answer_is_edited_with_files_followed_up_and_deleted()
    {
        _h.Fake.RegisterInteraction(11, "token-11", _channelId);
        var responder = _h.Responders.Create(11, "token-11");

        await responder.DeferAsync(ephemeral: true, Cancel.After());
        var edited = await responder.EditOriginalAsync(
            new MessageBody { Content = "Done" }, [new DiscordFile("out.png", TestImages.Png(16, 16), "image/png")], Cancel.After());
        var followup = await responder.FollowupAsync(new MessageBody { Content = "only you" }, ephemeral: true, cancellationToken: Cancel.After());
        await responder.DeleteOriginalAsync(Cancel.After());

        var record = _h.Fake.GetInteraction("token-11")!;
        Assert.True(responder.HasResponded);
        Assert.Equal(InteractionCallbackType.DeferredChannelMessage, record.ResponseType);
        Assert.Equal(64, record.Callbacks[0]["data"]!["flags"]!.GetValue<int>());
        Assert.Equal("out.png", Assert.Single(edited.Attachments!).Filename);
        Assert.Equal(MessageFlags.Ephemeral, followup.Flags! & MessageFlags.Ephemeral);
        Assert.True(_h.Fake.GetMessage(edited.Id)!.Deleted);
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task With_response_returns_the_created_message_so_a_thread_can_start_on_it()
    {
        _h.Fake.RegisterInteraction(12, "token-12", _channelId);
        var responder = _h.Responders.Create(12, "token-12");

        var message = await responder.RespondAsync(
            new MessageBody { Content = "Working on it", Components = [ComponentBuilder.ActionRow(ComponentBuilder.Button("cancel:1", "Cancel", ButtonStyle.Danger))] },
            withResponse: true, cancellationToken: Cancel.After());
        var thread = await _h.Rest.StartThreadFromMessageAsync(_channelId, message!.Id, "Edit results", cancellationToken: Cancel.After());

        Assert.Equal(message.Id, thread.Id);
        Assert.Contains("with_response=true", _h.Fake.Requests.Single(r => r.RouteKey!.EndsWith("/callback", StringComparison.Ordinal)).Path);
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_modal_with_a_text_input_and_a_file_upload_passes_the_contract()
    {
        var responder = _h.Responders.Create(13, "token-13");

        await responder.RespondWithModalAsync("edit-modal:99", "Edit image",
        [
            ComponentBuilder.Label("Prompt", ComponentBuilder.TextInput("prompt", paragraph: true, maxLength: 4000)),
            ComponentBuilder.Label("Mask (optional)", ComponentBuilder.FileUpload("mask", minValues: 0, maxValues: 1, required: false)),
        ], Cancel.After());

        var modal = _h.Fake.GetInteraction("token-13")!.Modal!;
        Assert.Equal("edit-modal:99", modal["custom_id"]!.ToString());
        Assert.Equal(19, modal["components"]![1]!["component"]!["type"]!.GetValue<int>());
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_component_update_replaces_the_message_it_came_from()
    {
        var source = _h.Fake.AddMessage(_channelId, "progress", byBot: true);
        _h.Fake.RegisterInteraction(14, "token-14", _channelId, source.Id);

        await _h.Responders.Create(14, "token-14").UpdateMessageAsync(new MessageBody { Content = "Cancelled", Components = [] }, cancellationToken: Cancel.After());

        Assert.Equal("Cancelled", _h.Fake.GetMessage(source.Id)!.Content);
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_second_first_response_is_refused_locally()
    {
        // A deferred update needs a component's message (Discord refuses it on a slash command).
        _h.Fake.RegisterInteraction(15, "token-15", _channelId, _h.Fake.AddMessage(_channelId, "with buttons", byBot: true).Id);
        var responder = _h.Responders.Create(15, "token-15");
        await responder.DeferUpdateAsync(Cancel.After());

        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.DeferAsync(cancellationToken: Cancel.After()));
        Assert.Single(_h.Fake.Requests);
    }

    [Fact]
    public async Task Over_http_the_first_answer_goes_into_the_pending_reply_and_later_ones_over_rest()
    {
        var reply = new HttpInteractionReply();
        var responder = _h.Responders.Create(16, "token-16", reply);
        _h.Fake.RegisterInteraction(16, "token-16", _channelId);

        await responder.RespondAsync(new MessageBody { Content = "Queued" }, ephemeral: true, cancellationToken: Cancel.After());
        var (body, contentType) = await reply.Response;
        await _h.Fake.AcceptHttpInteractionReplyAsync(16, "token-16", body, contentType);
        await responder.FollowupAsync(new MessageBody { Content = "Result" }, cancellationToken: Cancel.After());

        Assert.Equal("application/json", contentType);
        var json = JsonNode.Parse(body.Span)!;
        Assert.Equal(4, json["type"]!.GetValue<int>());
        Assert.Equal(64, json["data"]!["flags"]!.GetValue<int>());
        Assert.Equal("[]", json["data"]!["allowed_mentions"]!["parse"]!.ToJsonString());
        Assert.DoesNotContain(_h.Fake.Requests, r => r.RouteKey!.EndsWith("/callback", StringComparison.Ordinal));
        Assert.Equal(["Queued", "Result"], _h.Fake.MessagesIn(_h.Fake.GetInteraction("token-16")!.ChannelId).Select(m => m.Content));
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task Over_http_files_in_the_first_answer_become_a_multipart_reply()
    {
        var reply = new HttpInteractionReply();
        var responder = _h.Responders.Create(17, "token-17", reply);
        var png = TestImages.Png(2, 2);

        await responder.RespondAsync(new MessageBody { Content = "here" }, files: [new DiscordFile("a.png", png, "image/png")], cancellationToken: Cancel.After());
        var (body, contentType) = await reply.Response;
        var accepted = await _h.Fake.AcceptHttpInteractionReplyAsync(17, "token-17", body, contentType);

        Assert.StartsWith("multipart/form-data; boundary=", contentType);
        Assert.Equal(204, accepted.Status);
        var original = _h.Fake.GetMessage(_h.Fake.GetInteraction("token-17")!.OriginalMessageId!.Value)!;
        Assert.Equal(png, Assert.Single(original.Attachments).Bytes);
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_defer_after_the_endpoint_deferred_sends_nothing_more()
    {
        var reply = new HttpInteractionReply();
        _h.Fake.RegisterInteraction(18, "token-18", _channelId);
        Assert.True(reply.TryDefer(InteractionCallbackType.DeferredChannelMessage));
        await _h.Fake.AcceptHttpInteractionReplyAsync(18, "token-18", """{"type":5}"""u8.ToArray(), "application/json");

        await _h.Responders.Create(18, "token-18", reply).DeferAsync(cancellationToken: Cancel.After());

        var fake = _h.Fake.GetInteraction("token-18")!;
        Assert.Equal((InteractionCallbackType.DeferredChannelMessage, 1, 0), (fake.ResponseType, fake.Acknowledgements, fake.AlreadyAcknowledgedRefusals));
        Assert.Empty(_h.Fake.Requests);
    }

    [Fact]
    public async Task An_expired_token_fails_with_invalid_webhook_token()
    {
        _h.Fake.RegisterInteraction(19, "token-19", _channelId);
        var responder = _h.Responders.Create(19, "token-19");
        await responder.DeferAsync(cancellationToken: Cancel.After());
        _h.Fake.ExpireInteraction("token-19");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => responder.EditOriginalAsync(new MessageBody { Content = "late" }, cancellationToken: Cancel.After()));

        Assert.Equal(DiscordErrorCodes.InvalidWebhookToken, error.Code);
        Assert.Single(_h.Fake.Requests, r => r.Status == 401); // not retried
    }
}

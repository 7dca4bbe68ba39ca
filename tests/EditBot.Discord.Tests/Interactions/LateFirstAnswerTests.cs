using System.Text;
using EditBot.Discord.Events;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Discord.Tests.Support;
using EditBot.TestSupport.Discord;

namespace EditBot.Discord.Tests.Interactions;

/// <summary>
/// A handler's first answer after the interactions endpoint deferred on its behalf: never a second acknowledgement
/// (Discord answers 40060), always the webhook call that shows the person the same thing.
/// </summary>
public sealed class LateFirstAnswerTests : IAsyncLifetime
{
    private DiscordRestHarness _h = null!;
    private ulong _channelId;
    private ulong _nextId = 100;

    public async Task InitializeAsync()
    {
        _h = await DiscordRestHarness.StartAsync();
        _channelId = _h.Fake.AddChannel().Id;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_public_message_after_a_deferral_edits_the_original()
    {
        var (responder, fake) = await DeferredAsync(InteractionCallbackType.DeferredChannelMessage);

        await responder.RespondAsync(new MessageBody { Content = "Here you go" }, cancellationToken: Cancel.After());

        AssertOneAcknowledgement(fake);
        Assert.Equal("Here you go", _h.Fake.GetMessage(fake.OriginalMessageId!.Value)!.Content);
        Assert.Single(_h.Fake.Requests, r => r.Method != "GET"); // the edit; GET is the application id lookup
    }

    [Fact]
    public async Task An_ephemeral_message_after_a_public_deferral_replaces_it_with_an_ephemeral_followup()
    {
        var (responder, fake) = await DeferredAsync(InteractionCallbackType.DeferredChannelMessage);

        await responder.RespondAsync(new MessageBody { Content = "Only you" }, ephemeral: true, cancellationToken: Cancel.After());

        AssertOneAcknowledgement(fake);
        Assert.True(_h.Fake.GetMessage(fake.OriginalMessageId!.Value)!.Deleted);
        var followup = _h.Fake.GetMessage(Assert.Single(fake.FollowupMessageIds))!;
        Assert.Equal(("Only you", true), (followup.Content, followup.IsEphemeral));
    }

    [Fact]
    public async Task A_defer_after_a_component_deferral_gets_a_followup_that_stands_in_for_the_original()
    {
        var (responder, fake) = await DeferredAsync(InteractionCallbackType.DeferredUpdateMessage);

        await responder.DeferAsync(ephemeral: true, Cancel.After());
        var edited = await responder.EditOriginalAsync(new MessageBody { Content = "Cancelled." }, cancellationToken: Cancel.After());

        AssertOneAcknowledgement(fake);
        Assert.Equal(Assert.Single(fake.FollowupMessageIds), edited.Id);
        Assert.Equal(("Cancelled.", true), (_h.Fake.GetMessage(edited.Id)!.Content, _h.Fake.GetMessage(edited.Id)!.IsEphemeral));
        Assert.Equal("progress", _h.Fake.GetMessage(fake.SourceMessageId!.Value)!.Content);
    }

    [Fact]
    public async Task An_update_after_a_component_deferral_edits_the_components_message()
    {
        var (responder, fake) = await DeferredAsync(InteractionCallbackType.DeferredUpdateMessage);

        await responder.UpdateMessageAsync(new MessageBody { Content = "Stopped", Components = [] }, cancellationToken: Cancel.After());

        AssertOneAcknowledgement(fake);
        Assert.Equal("Stopped", _h.Fake.GetMessage(fake.SourceMessageId!.Value)!.Content);
    }

    [Theory]
    [InlineData(InteractionCallbackType.DeferredChannelMessage)]
    [InlineData(InteractionCallbackType.DeferredUpdateMessage)]
    public async Task A_modal_too_late_to_open_becomes_a_clear_message_only_the_person_sees(int deferral)
    {
        var (responder, fake) = await DeferredAsync(deferral);

        await responder.RespondWithModalAsync("m", "Edit", [ComponentBuilder.Label("Prompt", ComponentBuilder.TextInput("prompt"))], Cancel.After());

        AssertOneAcknowledgement(fake);
        var apology = _h.Fake.GetMessage(Assert.Single(fake.FollowupMessageIds))!;
        Assert.Equal((InteractionResponder.ModalTooLate, true), (apology.Content, apology.IsEphemeral));
        if (deferral == InteractionCallbackType.DeferredChannelMessage)
        {
            Assert.True(_h.Fake.GetMessage(fake.OriginalMessageId!.Value)!.Deleted); // the public "thinking…" goes
        }

        Assert.Null(fake.Modal);
    }

    [Fact]
    public async Task A_late_answer_that_fails_after_the_endpoint_acknowledged_leaves_the_interaction_answered()
    {
        var (responder, fake) = await DeferredAsync(InteractionCallbackType.DeferredChannelMessage);
        _h.Fake.OverrideRoute("PATCH /webhooks/{application_id}/{interaction_token}/messages/@original", FakeResult.Error(403, 50001, "Missing Access"));

        await Assert.ThrowsAsync<DiscordApiException>(() => responder.RespondAsync(new MessageBody { Content = "lost" }, cancellationToken: Cancel.After()));

        // The endpoint's deferral is the acknowledgement: a second first answer would only draw 40060.
        Assert.True(responder.HasResponded);
        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.DeferAsync(cancellationToken: Cancel.After()));
        AssertOneAcknowledgement(fake);
    }

    [Fact]
    public async Task The_endpoint_deferral_and_the_handlers_answer_racing_give_exactly_one_acknowledgement()
    {
        for (var round = 0; round < 40; round++)
        {
            var id = ++_nextId;
            var token = "race-" + id;
            _h.Fake.RegisterInteraction(id, token, _channelId);
            var reply = new HttpInteractionReply();
            var responder = _h.Responders.Create(id, token, reply);
            var endpoint = Task.Run(() => reply.TryDefer(InteractionCallbackType.DeferredChannelMessage));
            var handler = Task.Run(() => responder.RespondAsync(new MessageBody { Content = "answer" }, cancellationToken: Cancel.After()));

            var body = await endpoint ? """{"type":5}"""u8.ToArray() : (await reply.Response).Body.ToArray();
            await _h.Fake.AcceptHttpInteractionReplyAsync(id, token, body, "application/json");
            await handler;

            var fake = _h.Fake.GetInteraction(token)!;
            AssertOneAcknowledgement(fake);
            Assert.Equal("answer", _h.Fake.GetMessage(fake.OriginalMessageId!.Value)!.Content);
        }
    }

    /// <summary>An interaction the endpoint has acknowledged with <paramref name="deferral"/>, as the fake Discord saw it.</summary>
    private async Task<(InteractionResponder Responder, FakeInteraction Fake)> DeferredAsync(int deferral)
    {
        var id = ++_nextId;
        var token = "late-" + id;
        var source = _h.Fake.AddMessage(_channelId, "progress", byBot: true);
        _h.Fake.RegisterInteraction(id, token, _channelId, source.Id);
        var reply = new HttpInteractionReply();
        Assert.True(reply.TryDefer(deferral));
        await _h.Fake.AcceptHttpInteractionReplyAsync(id, token, Encoding.UTF8.GetBytes($$"""{"type":{{deferral}}}"""), "application/json");
        return (_h.Responders.Create(id, token, reply), _h.Fake.GetInteraction(token)!);
    }

    private void AssertOneAcknowledgement(FakeInteraction fake)
    {
        Assert.Equal((1, 0), (fake.Acknowledgements, fake.AlreadyAcknowledgedRefusals));
        Assert.DoesNotContain(_h.Fake.Requests, r => r.RouteKey!.EndsWith("/callback", StringComparison.Ordinal));
        _h.Fake.AssertNoContractViolations();
    }
}

using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Discord.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Interactions;

/// <summary>Discord's rules on interactions as the fake enforces them by default, and how the client meets them.</summary>
public sealed class InteractionRulesTests
{
    [Fact]
    public async Task A_token_works_for_fifteen_minutes_on_discords_clock_and_then_answers_invalid_webhook_token()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var h = await DiscordRestHarness.StartAsync(discordClock: clock);
        var channel = h.Fake.AddChannel().Id;
        h.Fake.RegisterInteraction(21, "token-21", channel);
        var responder = h.Responders.Create(21, "token-21");
        await responder.DeferAsync(cancellationToken: Cancel.After());

        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        await responder.EditOriginalAsync(new MessageBody { Content = "still in time" }, cancellationToken: Cancel.After());
        clock.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => responder.FollowupAsync(new MessageBody { Content = "too late" }, cancellationToken: Cancel.After()));

        Assert.Equal(DiscordErrorCodes.InvalidWebhookToken, error.Code);
        Assert.Single(h.Fake.Requests, r => r.Status == 401); // never retried
    }

    [Fact]
    public async Task A_deferred_update_of_a_slash_command_is_refused_because_it_has_no_message()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        h.Fake.RegisterInteraction(22, "token-22", h.Fake.AddChannel().Id);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Responders.Create(22, "token-22").DeferUpdateAsync(Cancel.After()));

        Assert.Equal(400, (int)error.StatusCode);
        Assert.Null(h.Fake.GetInteraction("token-22")!.ResponseType);
    }

    [Fact]
    public async Task The_fake_refuses_to_send_a_command_that_was_never_registered_and_sends_it_once_registered()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var payload = InteractionPayloads.SlashCommand("edit", new InteractionOrigin { GuildId = null });

        var refused = Assert.Throws<InvalidOperationException>(() => h.Fake.RegisterInteraction(payload));
        await h.Registrar.RegisterAsync([SampleCommands.Edit()], Cancel.After());
        h.Fake.RegisterInteraction(payload);

        Assert.Contains("'edit'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Register the command first", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fake_refuses_to_send_a_subcommand_the_command_never_registered()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        await h.Registrar.RegisterAsync([SampleCommands.Edit()], Cancel.After());
        var origin = new InteractionOrigin { GuildId = null };

        var refused = Assert.Throws<InvalidOperationException>(() => h.Fake.RegisterInteraction(InteractionPayloads.SlashCommand("edit", origin, EditBot.TestSupport.Discord.Inject.CommandOption.Subcommand("video"))));
        h.Fake.RegisterInteraction(InteractionPayloads.SlashCommand("edit", origin, EditBot.TestSupport.Discord.Inject.CommandOption.Subcommand("image")));

        Assert.Contains("'edit'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fake_offers_a_command_to_a_user_install_only_when_its_integration_types_name_user_installs()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var userInstall = new InteractionOrigin { UserInstall = true };
        var server = new InteractionOrigin();
        var image = EditBot.TestSupport.Discord.Inject.CommandOption.Subcommand("image");

        // Without integration_types Discord takes the app's configured installs, unknown here: the server install alone.
        await h.Registrar.RegisterAsync([SampleCommands.Edit() with { IntegrationTypes = null }], Cancel.After());
        var unnamed = Assert.Throws<InvalidOperationException>(() => h.Fake.RegisterInteraction(InteractionPayloads.SlashCommand("edit", userInstall, image)));
        h.Fake.RegisterInteraction(InteractionPayloads.SlashCommand("edit", server, image));
        await h.Registrar.RegisterAsync([SampleCommands.Edit() with { IntegrationTypes = [1] }], Cancel.After());
        h.Fake.RegisterInteraction(InteractionPayloads.SlashCommand("edit", userInstall, image));
        var userOnly = Assert.Throws<InvalidOperationException>(() => h.Fake.RegisterInteraction(InteractionPayloads.SlashCommand("edit", server, image)));

        Assert.Contains("'edit'", unnamed.Message, StringComparison.Ordinal);
        Assert.Contains("'edit'", userOnly.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":5,\"data\":{\"flags\":32768}}", "data.flags")]
    [InlineData("{\"type\":5,\"data\":{\"flags\":64,\"content\":\"hello\"}}", "data.content")]
    public async Task A_deferred_answer_carrying_more_than_the_ephemeral_flag_is_refused_and_the_interaction_stays_unanswered(string body, string field)
    {
        await using var h = await DiscordRestHarness.StartAsync();
        h.Fake.RegisterInteraction(23, "token-23", h.Fake.AddChannel().Id);

        using var answer = await EditBot.Discord.Tests.Contract.FakeDiscordWire.SendJsonAsync(h.Fake, "/interactions/23/token-23/callback", body);

        Assert.Equal(400, (int)answer.StatusCode);
        var json = await answer.Content.ReadAsStringAsync(Cancel.After());
        Assert.Contains("50035", json, StringComparison.Ordinal);
        Assert.Contains(field.Split('.')[1], json, StringComparison.Ordinal);
        Assert.Null(h.Fake.GetInteraction("token-23")!.ResponseType);
        await h.Responders.Create(23, "token-23").DeferAsync(ephemeral: true, Cancel.After());
        Assert.Equal(5, h.Fake.GetInteraction("token-23")!.ResponseType);
    }
}

using EditBot.Bot.Components;
using EditBot.Bot.Events;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Tests.Moderation.Discord.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.Bot;

/// <summary>
/// One routing table for every interaction handler. Old code: the router asked the modules, then fell into a
/// hard-coded switch, and any unknown "eb:" action ended in the job-button handler; a module claiming an action the
/// experience also handled silently took it over.
/// </summary>
public sealed class InteractionRoutesTests
{
    private static Task Handle(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken) => Task.CompletedTask;

    private static Task HandleComponent(Interaction interaction, CustomId id, InteractionResponder responder, CancellationToken cancellationToken) => Task.CompletedTask;

    [Fact]
    public void A_custom_id_action_claimed_twice_is_refused_naming_it()
    {
        var routes = new InteractionRoutes().Component(CustomId.Reroll, HandleComponent);

        var error = Assert.Throws<InvalidOperationException>(() => routes.Component(CustomId.Reroll, HandleComponent));

        Assert.Contains("custom_id action 'reroll' is claimed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_claimed_twice_is_refused_but_its_autocomplete_is_a_separate_route()
    {
        var routes = new InteractionRoutes().Command("edit", Handle).Autocomplete("edit", Handle);

        Assert.Throws<InvalidOperationException>(() => routes.Command("edit", Handle));
        Assert.True(routes.TryCommand("edit", out _));
        Assert.False(routes.TryComponent("edit", out _));
    }

    [Fact]
    public async Task The_bots_own_modules_share_one_table_without_a_clash_and_a_clash_stops_start_up()
    {
        await using var bot = await ModerationBot.StartAsync();
        var router = bot.Harness.Services.GetRequiredService<InteractionRouter>();
        Assert.NotNull(router);

        var modules = bot.Harness.Services.GetServices<IInteractionModule>().ToList();
        var table = new InteractionRoutes();
        foreach (var module in modules)
        {
            module.MapRoutes(table);
        }

        Assert.True(table.TryComponent("approve", out _));
        Assert.True(table.TryComponent(CustomId.Reroll, out _));
        Assert.True(table.TryCommand("editbot-admin", out _));
        // A second copy of any module (e.g. registered twice) clashes on its first route.
        Assert.Throws<InvalidOperationException>(() => modules[0].MapRoutes(table));
    }
}

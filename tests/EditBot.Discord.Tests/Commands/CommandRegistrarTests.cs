using EditBot.Discord.Models;
using EditBot.Discord.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Tests.Commands;

public sealed class CommandRegistrarTests
{
    [Fact]
    public async Task Commands_are_sent_once_and_not_again_while_unchanged()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        ApplicationCommand[] definitions = [SampleCommands.Edit(), SampleCommands.EditImageMenu(), SampleCommands.Admin()];

        var first = await h.Registrar.RegisterAsync(definitions, Cancel.After());
        var second = await h.Registrar.RegisterAsync(definitions, Cancel.After());

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, h.Fake.CommandOverwrites);
        Assert.Contains(h.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("up to date", StringComparison.Ordinal));
        h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_changed_definition_is_sent_again()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        await h.Registrar.RegisterAsync([SampleCommands.Edit()], Cancel.After());

        var changed = await h.Registrar.RegisterAsync([SampleCommands.Edit("Edit a picture")], Cancel.After());
        var added = await h.Registrar.RegisterAsync([SampleCommands.Edit("Edit a picture"), SampleCommands.Admin()], Cancel.After());

        Assert.True(changed);
        Assert.True(added);
        Assert.Equal(3, h.Fake.CommandOverwrites);
        Assert.Equal("Edit a picture", h.Fake.Commands()[0]["description"]!.ToString());
    }

    [Fact]
    public async Task With_a_command_guild_they_go_to_that_guild_only()
    {
        await using var h = await DiscordRestHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:CommandGuildId"] = "4242" });

        await h.Registrar.RegisterAsync([SampleCommands.Edit()], Cancel.After());

        Assert.Single(h.Fake.Commands(4242));
        Assert.Empty(h.Fake.Commands());
    }

    [Fact]
    public void Discord_defaults_do_not_count_as_differences()
    {
        var desired = new ApplicationCommand
        {
            Name = "edit",
            Description = "Edit",
            Options = [new CommandOption { Type = CommandOptionType.StringOption, Name = "prompt", Description = "Prompt" }],
        };
        var registered = desired with
        {
            Id = 1, ApplicationId = 2, Version = 3, Type = 1, Nsfw = false, Contexts = [0, 1, 2],
            Options = [desired.Options![0] with { Required = false }],
        };

        Assert.True(EditBot.Discord.Commands.CommandDefinitionComparer.AreEquivalent([registered], [desired]));
        Assert.False(EditBot.Discord.Commands.CommandDefinitionComparer.AreEquivalent([registered], [desired with { DefaultMemberPermissions = "32" }]));
        Assert.False(EditBot.Discord.Commands.CommandDefinitionComparer.AreEquivalent(
            [registered], [desired with { Options = [desired.Options[0] with { Choices = [CommandOptionChoice.Of("a", "a")] }] }]));
    }
}

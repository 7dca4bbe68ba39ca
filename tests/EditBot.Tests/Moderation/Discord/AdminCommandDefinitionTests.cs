using System.Text.Json;
using System.Text.RegularExpressions;
using EditBot.Discord.Models;
using EditBot.Moderation.Discord;
using EditBot.TestSupport.Discord.Contract;

namespace EditBot.Tests.Moderation.Discord;

public sealed class AdminCommandDefinitionTests
{
    private static readonly ApplicationCommand Command = AdminCommandDefinition.Command();

    [Fact]
    public void Admin_command_is_hidden_behind_Manage_Server_and_only_exists_in_servers()
    {
        Assert.Equal("editbot-admin", Command.Name);
        Assert.Equal("32", Command.DefaultMemberPermissions);
        Assert.Equal([0], Command.Contexts);
        Assert.False(Command.DmPermission);
    }

    [Fact]
    public void Every_name_description_and_option_count_is_within_Discord_limits()
    {
        var names = new Regex(@"^[-_\p{Ll}\p{N}]{1,32}$");
        void Check(IReadOnlyList<CommandOption>? options, string where)
        {
            if (options is null)
            {
                return;
            }

            Assert.True(options.Count <= 25, $"{where} has {options.Count} options");
            Assert.Equal(options.Count, options.Select(o => o.Name).Distinct().Count());
            var firstOptional = options.ToList().FindIndex(o => o.Required != true);
            Assert.True(firstOptional < 0 || options.Skip(firstOptional).All(o => o.Required != true), $"{where}: required options must come first");
            foreach (var option in options)
            {
                Assert.Matches(names, option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
                Assert.True(option.Choices is null || option.Choices.Count <= 25);
                Check(option.Options, $"{where} {option.Name}");
            }
        }

        Assert.InRange(Command.Description!.Length, 1, 100);
        Check(Command.Options, Command.Name);
    }

    [Fact]
    public void Definition_matches_Discords_OpenAPI_description_of_command_registration()
    {
        var body = JsonSerializer.SerializeToElement<IReadOnlyList<ApplicationCommand>>([Command], DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        var problems = OpenApiContract.Discord.ValidateRequest("PUT", "/applications/1/commands", "application/json", body);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("usage")]
    [InlineData("channels allow")]
    [InlineData("channels deny")]
    [InlineData("channels clear")]
    [InlineData("roles allow")]
    [InlineData("roles clear")]
    [InlineData("review on")]
    [InlineData("review off")]
    [InlineData("review expiry")]
    [InlineData("blocklist add")]
    [InlineData("blocklist remove")]
    [InlineData("blocklist list")]
    [InlineData("limits user-daily")]
    [InlineData("limits server-daily")]
    [InlineData("limits budget")]
    [InlineData("limits cooldown")]
    [InlineData("limits max-count")]
    [InlineData("limits max-quality")]
    [InlineData("defaults size")]
    [InlineData("defaults quality")]
    [InlineData("audit")]
    [InlineData("spoilers")]
    public void Every_setting_of_the_issue_has_a_subcommand(string path)
    {
        var parts = path.Split(' ');
        var option = Command.Options!.Single(o => o.Name == parts[0]);
        if (parts.Length == 2)
        {
            Assert.Equal(CommandOptionType.SubCommandGroup, option.Type);
            option = option.Options!.Single(o => o.Name == parts[1]);
        }

        Assert.Equal(CommandOptionType.SubCommand, option.Type);
    }
}

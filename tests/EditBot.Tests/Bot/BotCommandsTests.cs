using System.Text.RegularExpressions;
using EditBot.Bot.Commands;
using EditBot.Discord.Models;

namespace EditBot.Tests.Bot;

public class BotCommandsTests
{
    private static readonly Regex ChatInputName = new(@"^[-_\p{Ll}\p{N}]{1,32}$");

    private static IEnumerable<CommandOption> Flatten(IEnumerable<CommandOption>? options) =>
        (options ?? []).SelectMany(o => new[] { o }.Concat(Flatten(o.Options)));

    [Fact]
    public void The_bot_registers_edit_edit_image_edit_region_and_editbot()
    {
        var names = BotCommands.All(4000).Select(c => c.Name).ToList();
        Assert.Equal(["edit", "Edit image", "Edit region", "editbot"], names);
    }

    [Fact]
    public void Names_and_descriptions_respect_discord_limits()
    {
        foreach (var command in BotCommands.All(4000))
        {
            if (command.Type == ApplicationCommandType.ChatInput)
            {
                Assert.Matches(ChatInputName, command.Name);
                Assert.InRange(command.Description!.Length, 1, 100);
            }
            else
            {
                Assert.InRange(command.Name.Length, 1, 32);
                Assert.True(string.IsNullOrEmpty(command.Description));
            }

            Assert.True((command.Options?.Count ?? 0) <= 25);
            foreach (var option in Flatten(command.Options))
            {
                Assert.Matches(ChatInputName, option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
                Assert.True((option.Choices?.Count ?? 0) <= 25, $"{option.Name} has too many choices");
                Assert.All(option.Choices ?? [], c => Assert.InRange(c.Name.Length, 1, 100));
            }
        }
    }

    [Fact]
    public void Required_options_come_first_everywhere()
    {
        foreach (var command in BotCommands.All(4000))
        {
            foreach (var list in new[] { command.Options }.Concat(Flatten(command.Options).Select(o => o.Options)))
            {
                var required = (list ?? []).Select(o => o.Required == true).ToList();
                var firstOptional = required.IndexOf(false);
                Assert.True(firstOptional < 0 || !required.Skip(firstOptional).Contains(true), $"{command.Name}: a required option follows an optional one");
            }
        }
    }

    [Fact]
    public void Edit_has_the_options_of_the_spec_with_their_types()
    {
        var edit = BotCommands.EditCommand(4000);
        var types = edit.Options!.ToDictionary(o => o.Name, o => o.Type);

        Assert.Equal(CommandOptionType.AttachmentOption, types["image"]);
        Assert.Equal(CommandOptionType.StringOption, types["prompt"]);
        Assert.Equal(CommandOptionType.AttachmentOption, types["mask"]);
        Assert.Equal(CommandOptionType.StringOption, types["region"]);
        Assert.Equal(CommandOptionType.StringOption, types["box"]);
        Assert.Equal(CommandOptionType.StringOption, types["size"]);
        Assert.Equal(CommandOptionType.StringOption, types["quality"]);
        Assert.Equal(CommandOptionType.IntegerOption, types["count"]);
        Assert.Equal(CommandOptionType.BooleanOption, types["private"]);
        Assert.Equal(4000, edit.Options!.Single(o => o.Name == "prompt").MaxLength);
        var count = edit.Options!.Single(o => o.Name == "count");
        Assert.Equal((1d, 10d), (count.MinValue, count.MaxValue));
        var regions = edit.Options!.Single(o => o.Name == "region").Choices!.Select(c => c.Value.GetString()).ToList();
        Assert.Equal(["draw", "full", "top", "bottom", "left", "right", "center"], regions);
    }

    [Fact]
    public void Editbot_offers_help_status_history_and_cancel_to_everyone()
    {
        var editbot = BotCommands.EditbotCommand();

        Assert.Null(editbot.DefaultMemberPermissions);
        Assert.Equal(["help", "status", "history", "cancel"], editbot.Options!.Select(o => o.Name));
        Assert.All(editbot.Options!, o => Assert.Equal(CommandOptionType.SubCommand, o.Type));
        Assert.True(editbot.Options!.Single(o => o.Name == "cancel").Options!.Single().Autocomplete);
    }

    [Fact]
    public void Edit_image_is_a_message_command() =>
        Assert.Equal(ApplicationCommandType.Message, BotCommands.EditImageCommand().Type);
}

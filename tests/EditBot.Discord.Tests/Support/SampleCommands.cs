using EditBot.Discord.Models;

namespace EditBot.Discord.Tests.Support;

/// <summary>Command definitions shaped like the bot's own.</summary>
public static class SampleCommands
{
    public static ApplicationCommand Edit(string description = "Edit an image with a prompt") => new()
    {
        Name = "edit",
        Description = description,
        Contexts = [0, 1],
        IntegrationTypes = [0],
        Options =
        [
            new CommandOption
            {
                Type = CommandOptionType.SubCommand,
                Name = "image",
                Description = "Edit an image",
                Options =
                [
                    new CommandOption { Type = CommandOptionType.AttachmentOption, Name = "image", Description = "The image", Required = true },
                    new CommandOption { Type = CommandOptionType.StringOption, Name = "prompt", Description = "What to change", Required = true, MaxLength = 4000 },
                    new CommandOption { Type = CommandOptionType.AttachmentOption, Name = "mask", Description = "Transparent where to edit" },
                    new CommandOption
                    {
                        Type = CommandOptionType.StringOption, Name = "quality", Description = "Quality",
                        Choices = [CommandOptionChoice.Of("Low", "low"), CommandOptionChoice.Of("High", "high")],
                    },
                    new CommandOption { Type = CommandOptionType.IntegerOption, Name = "count", Description = "How many", MinValue = 1, MaxValue = 4 },
                ],
            },
        ],
    };

    public static ApplicationCommand EditImageMenu() => new() { Name = "Edit image", Type = ApplicationCommandType.Message };

    public static ApplicationCommand Admin() => new()
    {
        Name = "editbot-admin",
        Description = "Settings",
        DefaultMemberPermissions = "32",
        Options = [new CommandOption { Type = CommandOptionType.BooleanOption, Name = "review", Description = "Require review" }],
    };
}

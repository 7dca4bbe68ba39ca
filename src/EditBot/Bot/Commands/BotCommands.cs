using EditBot.Bot.Entry;
using EditBot.Discord.Models;

namespace EditBot.Bot.Commands;

/// <summary>The definitions of /edit, the "Edit image" message command and /editbot (required options first).</summary>
public static class BotCommands
{
    public const string Edit = "edit";

    /// <summary>Servers, the bot's DMs, and private channels (group DMs, DMs between others: a user install's places).</summary>
    private static readonly int[] Contexts = [0, 1, 2];

    /// <summary>Installed to a server (0) or to a person's account (1).</summary>
    private static readonly int[] IntegrationTypes = [0, 1];

    public static IReadOnlyList<ApplicationCommand> All(int maxPromptLength) => [EditCommand(maxPromptLength), EditImageCommand(), EditRegionCommand(), EditbotCommand()];

    public static ApplicationCommand EditCommand(int maxPromptLength) => new()
    {
        Name = Edit,
        Type = ApplicationCommandType.ChatInput,
        Description = "Edit an image with AI: say what to change",
        Contexts = Contexts,
        IntegrationTypes = IntegrationTypes,
        Options =
        [
            new CommandOption { Type = CommandOptionType.AttachmentOption, Name = "image", Description = "The image to edit (PNG, JPEG, WebP)", Required = true },
            new CommandOption { Type = CommandOptionType.StringOption, Name = "prompt", Description = "What to change, e.g. \"make the sky a stormy sunset\"", Required = true, MinLength = 1, MaxLength = maxPromptLength },
            new CommandOption { Type = CommandOptionType.AttachmentOption, Name = "mask", Description = "Optional mask image: white or transparent = edit, black = keep" },
            new CommandOption
            {
                Type = CommandOptionType.StringOption, Name = "region", Description = "Edit only part of the image (instead of a mask)",
                Choices = Choices(
                    ("Draw it (opens a page)", SlashEditHandler.DrawRegion), ("Full image", "full"), ("Top half", "top"), ("Bottom half", "bottom"),
                    ("Left half", "left"), ("Right half", "right"), ("Centre", "center")),
            },
            new CommandOption { Type = CommandOptionType.StringOption, Name = "box", Description = "Area to edit as x,y,w,h in percent, e.g. 25,25,50,50", MaxLength = 40 },
            new CommandOption
            {
                Type = CommandOptionType.StringOption, Name = "size", Description = "Output size (auto matches your image's shape)",
                Choices = Choices(("Auto", "auto"), ("Square 1024x1024", "1024x1024"), ("Portrait 1024x1536", "1024x1536"), ("Landscape 1536x1024", "1536x1024")),
            },
            new CommandOption
            {
                Type = CommandOptionType.StringOption, Name = "quality", Description = "Higher quality takes longer",
                Choices = Choices(("Low", "low"), ("Medium", "medium"), ("High", "high"), ("Auto", "auto")),
            },
            new CommandOption { Type = CommandOptionType.IntegerOption, Name = "count", Description = "How many versions (1-10)", MinValue = 1, MaxValue = 10 },
            new CommandOption { Type = CommandOptionType.BooleanOption, Name = "private", Description = "Only you see the progress and results" },
        ],
    };

    public static ApplicationCommand EditImageCommand() => new()
    {
        Name = MessageCommandHandler.CommandName,
        Type = ApplicationCommandType.Message,
        Contexts = Contexts,
        IntegrationTypes = IntegrationTypes,
    };

    /// <summary>Apps → Edit region: a link to the mask editor for the message's image.</summary>
    public static ApplicationCommand EditRegionCommand() => new()
    {
        Name = MaskEditor.MaskRegionHandler.CommandName,
        Type = ApplicationCommandType.Message,
        Contexts = Contexts,
        IntegrationTypes = IntegrationTypes,
    };

    public static ApplicationCommand EditbotCommand() => new()
    {
        Name = EditbotCommandHandler.CommandName,
        Type = ApplicationCommandType.ChatInput,
        Description = "EditBot help and your edits",
        Contexts = Contexts,
        IntegrationTypes = IntegrationTypes,
        Options =
        [
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "help", Description = "What EditBot does, its limits and examples" },
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "status", Description = "Your edits in progress, and any I could not deliver" },
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "history", Description = "Your recent edits: results, re-roll, cost" },
            new CommandOption
            {
                Type = CommandOptionType.SubCommand, Name = "cancel", Description = "Cancel one of your edits (the latest if you don't pick one)",
                Options = [new CommandOption { Type = CommandOptionType.StringOption, Name = "job", Description = "The edit to cancel", Autocomplete = true }],
            },
        ],
    };

    private static CommandOptionChoice[] Choices(params (string Name, string Value)[] choices) =>
        [.. choices.Select(c => CommandOptionChoice.Of(c.Name, c.Value))];
}

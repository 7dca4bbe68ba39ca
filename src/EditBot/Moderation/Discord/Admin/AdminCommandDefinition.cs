using EditBot.Discord.Models;

namespace EditBot.Moderation.Discord;

/// <summary>
/// /editbot-admin: every server setting, in its own top-level command because Discord can hide only whole commands
/// (<c>default_member_permissions</c> = Manage Server). Guild only. The handler checks the permission again on use.
/// </summary>
public static class AdminCommandDefinition
{
    public const string Name = "editbot-admin";

    /// <summary>
    /// Text channels, announcement channels and forums (threads follow their parent). Media channels (16) are left out:
    /// Discord's OpenAPI snapshot that the contract tests use does not list that type yet.
    /// </summary>
    private static readonly int[] PostableChannels = [0, 5];
    private static readonly int[] EditChannels = [0, 5, 15];

    public static ApplicationCommand Command() => new()
    {
        Name = Name,
        Type = 1,
        Description = "EditBot server settings (Manage Server)",
        DefaultMemberPermissions = DiscordPermissions.ManageGuildText,
        DmPermission = false,
        Contexts = [0],
        IntegrationTypes = [0],
        Options =
        [
            Sub("show", "Show all of this server's EditBot settings"),
            Sub("usage", "Edits and estimated cost per member and for the server",
                Opt(CommandOptionType.UserOption, AdminOptions.User, "Only this member"),
                Opt(CommandOptionType.IntegerOption, AdminOptions.Days, "Days to cover, today included (default 7)") with { MinValue = 1, MaxValue = UsageReportBuilder.MaxDays }),
            Group("channels", "Where edits are allowed",
                Sub("allow", "Allow edits in a channel (when any are allowed, only those)", Channel(EditChannels)),
                Sub("deny", "Never allow edits in a channel", Channel(EditChannels)),
                Sub("remove", "Take a channel off the allowed and denied lists", Channel(EditChannels)),
                Sub("clear", "Allow edits everywhere again")),
            Group("roles", "Who may edit",
                Sub("allow", "Only members with an allowed role may edit", Role(AdminOptions.Role, "The role", true)),
                Sub("remove", "Take a role off the allowed list", Role(AdminOptions.Role, "The role", true)),
                Sub("clear", "Everyone may edit again")),
            Group("review", "Review edits before they run",
                Sub("on", "Post each request for review before it runs",
                    Channel(PostableChannels, AdminOptions.Channel, "Where requests are posted for review"),
                    Role(AdminOptions.ReviewerRole, "Who may approve (Manage Server always may)", false),
                    Opt(CommandOptionType.NumberOption, AdminOptions.ExpiryHours, "Hours before an unreviewed request expires (default 24)") with { MinValue = 0.1, MaxValue = 720 }),
                Sub("off", "Edits run without review"),
                Sub("expiry", "Hours before an unreviewed request expires",
                    Opt(CommandOptionType.NumberOption, AdminOptions.Hours, "Hours (0.1-720); leave empty for 24", false) with { MinValue = 0.1, MaxValue = 720 })),
            Group("blocklist", "Words and patterns refused in prompts",
                Sub("add", "Block a word, phrase or regular expression",
                    Opt(CommandOptionType.StringOption, AdminOptions.Pattern, "The word, phrase or pattern", true) with { MaxLength = BlocklistEditor.MaxPatternLength },
                    Opt(CommandOptionType.StringOption, AdminOptions.Kind, "word (default: spacing, case, look-alikes) or regex") with
                    {
                        Choices = [CommandOptionChoice.Of("word", "word"), CommandOptionChoice.Of("regex", "regex")],
                    }),
                Sub("remove", "Unblock an entry",
                    Opt(CommandOptionType.StringOption, AdminOptions.Pattern, "The entry as listed", true) with { MaxLength = BlocklistEditor.MaxPatternLength }),
                Sub("list", "Show the blocklist")),
            Group("limits", "Daily limits, budget, cooldown and caps; leave the value empty to remove a limit",
                Sub("user-daily", "Edits one member may make per UTC day", Int(AdminOptions.Edits, "Edits per member per day", 0, 100_000)),
                Sub("server-daily", "Images the whole server may make per UTC day", Int(AdminOptions.Images, "Images per day", 0, 1_000_000)),
                Sub("budget", "Estimated spend the server may reach per UTC day",
                    Opt(CommandOptionType.NumberOption, AdminOptions.Dollars, "US dollars per day") with { MinValue = 0, MaxValue = 100_000 }),
                Sub("cooldown", "Least time between two edits of one member", Int(AdminOptions.Seconds, "Seconds", 0, 86_400)),
                Sub("max-count", "Most images per edit", Int(AdminOptions.Count, "Images (1-10)", 1, 10)),
                Sub("max-quality", "Highest quality allowed (auto counts as high)", Choice(AdminOptions.Quality, "Quality", "low", "medium", "high"))),
            Group("defaults", "What edits use when the member does not say",
                Sub("size", "Default output size", Choice(AdminOptions.Size, "Size; empty for auto", ["auto", .. ImageChoices.Sizes])),
                Sub("quality", "Default quality", Choice(AdminOptions.Quality, "Quality; empty for auto", "low", "medium", "high", "auto"))),
            Sub("audit", "Log every request, decision and outcome to a channel",
                Channel(PostableChannels, AdminOptions.Channel, "The audit channel; leave empty to stop logging", required: false)),
            Sub("spoilers", "Post results as spoilers",
                Opt(CommandOptionType.BooleanOption, AdminOptions.Enabled, "On or off", true)),
            Sub("reset", "Forget all of this server's settings",
                Opt(CommandOptionType.BooleanOption, AdminOptions.Confirm, "Set to True to confirm", true)),
        ],
    };

    private static CommandOption Sub(string name, string description, params CommandOption[] options) =>
        new() { Type = CommandOptionType.SubCommand, Name = name, Description = description, Options = options.Length == 0 ? null : options };

    private static CommandOption Group(string name, string description, params CommandOption[] subcommands) =>
        new() { Type = CommandOptionType.SubCommandGroup, Name = name, Description = description, Options = subcommands };

    private static CommandOption Opt(int type, string name, string description, bool required = false) =>
        new() { Type = type, Name = name, Description = description, Required = required ? true : null };

    private static CommandOption Channel(int[] types, string name = AdminOptions.Channel, string description = "The channel", bool required = true) =>
        Opt(CommandOptionType.ChannelOption, name, description, required) with { ChannelTypes = types };

    private static CommandOption Role(string name, string description, bool required) => Opt(CommandOptionType.RoleOption, name, description, required);

    private static CommandOption Int(string name, string description, int min, int max) =>
        Opt(CommandOptionType.IntegerOption, name, description) with { MinValue = min, MaxValue = max };

    private static CommandOption Choice(string name, string description, params string[] values) =>
        Opt(CommandOptionType.StringOption, name, description) with { Choices = [.. values.Select(v => CommandOptionChoice.Of(v, v))] };
}

namespace EditBot.Discord.Models;

public static class CommandOptionType
{
    public const int SubCommand = 1;
    public const int SubCommandGroup = 2;
    public const int StringOption = 3;
    public const int IntegerOption = 4;
    public const int BooleanOption = 5;
    public const int UserOption = 6;
    public const int ChannelOption = 7;
    public const int RoleOption = 8;
    public const int NumberOption = 10;
    public const int AttachmentOption = 11;
}

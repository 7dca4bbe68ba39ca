namespace EditBot.Discord.Models;

public static class ApplicationCommandType
{
    public const int ChatInput = 1;
    public const int User = 2;
    public const int Message = 3;
}

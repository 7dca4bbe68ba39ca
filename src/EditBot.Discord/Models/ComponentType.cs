namespace EditBot.Discord.Models;

/// <summary>Component type numbers used by this bot.</summary>
public static class ComponentType
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int StringSelect = 3;
    public const int TextInput = 4;
    public const int Label = 18;
    public const int FileUpload = 19;
}

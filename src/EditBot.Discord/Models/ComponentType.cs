namespace EditBot.Discord.Models;

/// <summary>Component type numbers used by this bot.</summary>
public static class ComponentType
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int StringSelect = 3;
    public const int TextInput = 4;

    /// <summary>Components V2 (message flag <see cref="MessageFlags.IsComponentsV2"/>): markdown text.</summary>
    public const int TextDisplay = 10;

    /// <summary>Components V2: up to 10 images or videos in a grid.</summary>
    public const int MediaGallery = 12;

    /// <summary>Components V2: a visual group of other components, with an optional accent colour and spoiler.</summary>
    public const int Container = 17;
    public const int Label = 18;
    public const int FileUpload = 19;
}

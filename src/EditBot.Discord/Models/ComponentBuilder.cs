namespace EditBot.Discord.Models;

/// <summary>Builders for the components this bot sends.</summary>
public static class ComponentBuilder
{
    public static MessageComponent ActionRow(params MessageComponent[] children) =>
        new() { Type = ComponentType.ActionRow, Components = children };

    public static MessageComponent Button(string customId, string label, ButtonStyle style = ButtonStyle.Secondary, bool disabled = false) =>
        new() { Type = ComponentType.Button, CustomId = customId, Label = label, Style = (int)style, Disabled = disabled ? true : null };

    /// <summary>A button that opens <paramref name="url"/> in the browser (style 5: no custom_id, no interaction).</summary>
    public static MessageComponent LinkButton(string label, Uri url) =>
        new() { Type = ComponentType.Button, Label = label, Style = (int)ButtonStyle.Link, Url = url };

    public static MessageComponent StringSelect(string customId, IReadOnlyList<SelectOption> options, string? placeholder = null) =>
        new() { Type = ComponentType.StringSelect, CustomId = customId, Options = options, Placeholder = placeholder };

    /// <summary>A modal field: a label (≤ 45 chars) holding one inner component.</summary>
    public static MessageComponent Label(string label, MessageComponent component, string? description = null) =>
        new() { Type = ComponentType.Label, Label = label, Description = description, Component = component };

    /// <param name="paragraph">Style 2 (multi-line) instead of 1 (one line).</param>
    public static MessageComponent TextInput(
        string customId, bool paragraph = false, bool required = true, int? maxLength = null, string? placeholder = null, string? value = null) =>
        new()
        {
            Type = ComponentType.TextInput,
            CustomId = customId,
            Style = paragraph ? 2 : 1,
            Required = required,
            MaxLength = maxLength,
            Placeholder = placeholder,
            Value = value,
        };

    public static MessageComponent FileUpload(string customId, int minValues = 1, int maxValues = 1, bool required = true) =>
        new() { Type = ComponentType.FileUpload, CustomId = customId, MinValues = minValues, MaxValues = maxValues, Required = required };

    /// <summary>Components V2: a group of <paramref name="children"/> (at most 40 components in a message, nested ones included).</summary>
    public static MessageComponent Container(IReadOnlyList<MessageComponent> children, bool spoiler = false, int? accentColor = null) =>
        new() { Type = ComponentType.Container, Components = children, Spoiler = spoiler ? true : null, AccentColor = accentColor };

    /// <summary>Components V2: markdown text (at most 4,000 characters across a message's text displays).</summary>
    public static MessageComponent TextDisplay(string content) => new() { Type = ComponentType.TextDisplay, Content = content };

    /// <summary>Components V2: 1–10 images in a grid.</summary>
    public static MessageComponent MediaGallery(IReadOnlyList<MediaGalleryItem> items) => new() { Type = ComponentType.MediaGallery, Items = items };
}

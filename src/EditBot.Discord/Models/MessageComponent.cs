namespace EditBot.Discord.Models;

/// <summary>
/// One component of any type, sent or received. Discord's component types share most fields, so one flat record
/// serves action rows, buttons, selects, text inputs, labels, file uploads (and their submitted values) and the
/// Components V2 layout types (containers, text displays, media galleries);
/// fields a type does not use stay null and are omitted. Build them with <see cref="ComponentBuilder"/>.
/// </summary>
public sealed record MessageComponent
{
    /// <summary>See <see cref="ComponentType"/>.</summary>
    public int Type { get; init; }

    /// <summary>Optional numeric identifier within the message or modal.</summary>
    public int? Id { get; init; }

    public string? CustomId { get; init; }

    /// <summary>Button style (1 primary … 5 link) or text input style (1 short, 2 paragraph).</summary>
    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    public Uri? Url { get; init; }

    public bool? Disabled { get; init; }

    public string? Placeholder { get; init; }

    public int? MinValues { get; init; }

    public int? MaxValues { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Required { get; init; }

    /// <summary>A text input's prefilled value, or its submitted value in a modal submit.</summary>
    public string? Value { get; init; }

    /// <summary>Submitted values of a select, or the attachment ids of a submitted file upload.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    public IReadOnlyList<SelectOption>? Options { get; init; }

    /// <summary>Children of an action row.</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    /// <summary>The single child of a label.</summary>
    public MessageComponent? Component { get; init; }

    /// <summary>A text display's markdown (Components V2).</summary>
    public string? Content { get; init; }

    /// <summary>A media gallery's images (Components V2).</summary>
    public IReadOnlyList<MediaGalleryItem>? Items { get; init; }

    /// <summary>A container's spoiler flag (Components V2).</summary>
    public bool? Spoiler { get; init; }

    /// <summary>A container's accent colour, 0xRRGGBB (Components V2).</summary>
    public int? AccentColor { get; init; }
}

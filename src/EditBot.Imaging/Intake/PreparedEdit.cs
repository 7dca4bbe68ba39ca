namespace EditBot.Imaging.Intake;

/// <summary>
/// Inputs ready for the model: <see cref="Image"/> is PNG, JPEG or WebP (<see cref="MediaType"/>) under the size
/// limits, in 8-bit sRGB, upright; <see cref="Mask"/> is a greyscale PNG of exactly <see cref="Width"/> x
/// <see cref="Height"/> (white = edit, black = keep) or null for "edit freely".
/// </summary>
public sealed record PreparedEdit(
    ReadOnlyMemory<byte> Image,
    string MediaType,
    int Width,
    int Height,
    byte[]? Mask,
    OutputSize Size,
    bool PassedThrough,
    IReadOnlyList<string> Notes) : IntakeResult
{
    /// <summary>File extension matching <see cref="MediaType"/>, without a dot ("png", "jpg", "webp").</summary>
    public string FileExtension => MediaType switch
    {
        "image/jpeg" => "jpg",
        "image/webp" => "webp",
        _ => "png",
    };
}

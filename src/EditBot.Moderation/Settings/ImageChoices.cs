namespace EditBot.Moderation;

/// <summary>Parsing and ranking of the quality and size texts that requests and settings carry.</summary>
public static class ImageChoices
{
    public static readonly IReadOnlyList<string> Sizes = ["1024x1024", "1024x1536", "1536x1024"];

    public static bool TryParseQuality(string? text, out QualityLevel quality)
    {
        quality = QualityLevel.High;
        return text is not null
            && Enum.TryParse(text.Trim(), ignoreCase: true, out quality)
            && Enum.IsDefined(quality);
    }

    /// <summary>Text form as the API and settings spell it ("low").</summary>
    public static string Name(QualityLevel quality) => quality.ToString().ToLowerInvariant();

    /// <summary>Cost rank: auto ranks as high, and unknown text too, so a rule never under-counts.</summary>
    public static QualityLevel PricedAs(string? quality) =>
        TryParseQuality(quality, out var parsed) && parsed != QualityLevel.Auto ? parsed : QualityLevel.High;

    public static bool IsKnownSize(string? size) =>
        size is not null && (size == "auto" || Sizes.Contains(size, StringComparer.OrdinalIgnoreCase));
}

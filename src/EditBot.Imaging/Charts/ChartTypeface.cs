using SkiaSharp;

namespace EditBot.Imaging.Charts;

/// <summary>
/// The typeface charts write with. SkiaSharp's Linux "NoDependencies" native build has no font manager:
/// <see cref="SKTypeface.Default"/> there is empty (no glyphs, text measures 0 and draws nothing). Where that is so,
/// a font the system already has is used (none is shipped); with none at all, charts are drawn without text.
/// </summary>
internal static class ChartTypeface
{
    private static readonly string[] KnownFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    ];

    private static readonly string[] FontDirectories = ["/usr/share/fonts", "/usr/local/share/fonts"];

    private static readonly Lazy<SKTypeface?> Found = new(Find);

    /// <summary>A typeface that has Latin glyphs, or null when this machine has none.</summary>
    public static SKTypeface? Typeface => Found.Value;

    private static SKTypeface? Find()
    {
        if (Usable(SKTypeface.Default))
        {
            return SKTypeface.Default;
        }

        var files = KnownFiles.Where(File.Exists).Concat(
            FontDirectories.Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories))
                .Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => Path.GetFileName(f).Contains("Sans", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(f => f, StringComparer.Ordinal));
        foreach (var file in files)
        {
            var typeface = SKTypeface.FromFile(file);
            if (Usable(typeface))
            {
                return typeface;
            }

            typeface?.Dispose();
        }

        return null;
    }

    private static bool Usable(SKTypeface? typeface)
    {
        if (typeface is null || typeface.GlyphCount == 0)
        {
            return false;
        }

        using var font = new SKFont(typeface);
        return font.ContainsGlyphs("A0$…");
    }
}

using System.Diagnostics.CodeAnalysis;

namespace EditBot.Imaging.Intake;

/// <summary>One of the output sizes the model offers.</summary>
public readonly record struct OutputSize(int Width, int Height)
{
    public static readonly OutputSize Square = new(1024, 1024);
    public static readonly OutputSize Portrait = new(1024, 1536);
    public static readonly OutputSize Landscape = new(1536, 1024);

    public static IReadOnlyList<OutputSize> All { get; } = [Square, Portrait, Landscape];

    public const string Choices = "auto, 1024x1024, 1024x1536 or 1536x1024";

    /// <summary>The size whose aspect ratio is closest to width:height (compared on a log scale, so 2:1 and 1:2 are equally far from square).</summary>
    public static OutputSize ClosestTo(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var ratio = Math.Log((double)width / height);
        return All.MinBy(s => Math.Abs(Math.Log((double)s.Width / s.Height) - ratio));
    }

    /// <summary>Parses a concrete size such as "1536x1024" (case-insensitive, '×' allowed). "auto" is not a size: see <see cref="IsAuto"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OutputSize? size)
    {
        size = null;
        var parts = text?.Trim().ToLowerInvariant().Replace('×', 'x').Split('x');
        if (parts is not { Length: 2 } || !int.TryParse(parts[0], out var w) || !int.TryParse(parts[1], out var h))
        {
            return false;
        }

        var candidate = new OutputSize(w, h);
        if (!All.Contains(candidate))
        {
            return false;
        }

        size = candidate;
        return true;
    }

    public static bool IsAuto(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Width}x{Height}";
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EditBot.Imaging.Masks;

/// <summary>
/// A rectangle to edit, in percent of the image (so it fits any size), with an optional soft edge.
/// The rectangle itself is always fully white; feathering fades outward from it over
/// <see cref="FeatherPercent"/> of the image's shorter side.
/// </summary>
public sealed record RegionSpec(RegionPreset Preset, double X, double Y, double Width, double Height, double FeatherPercent)
{
    public const string PresetNames = "full, top, bottom, left, right, center";

    public const string BoxRule =
        "box must be x,y,w,h in percent, each 0-100, inside the image (x+w and y+h at most 100, w and h above 0); for example 25,25,50,50 is the centre";

    public const double MaxFeatherPercent = 50;

    /// <summary>
    /// Reads the user's choice: a preset name (<see cref="PresetNames"/>), or a box "x,y,w,h" in percent
    /// (with preset omitted or "box"), and a feather in percent of the shorter side (0-50).
    /// </summary>
    public static bool TryParse(string? preset, string? box, double feather,
        [NotNullWhen(true)] out RegionSpec? region, [NotNullWhen(false)] out string? error)
    {
        region = null;
        error = null;
        if (double.IsNaN(feather) || feather < 0 || feather > MaxFeatherPercent)
        {
            error = $"feather must be between 0 and {MaxFeatherPercent} (percent of the image's shorter side).";
            return false;
        }

        var presetText = preset?.Trim().ToLowerInvariant();
        var hasBox = !string.IsNullOrWhiteSpace(box);
        if (string.IsNullOrEmpty(presetText) || presetText == "box")
        {
            if (!hasBox)
            {
                error = $"Choose a region ({PresetNames}) or give a box: {BoxRule}.";
                return false;
            }

            if (!TryParseBox(box!, out var x, out var y, out var w, out var h))
            {
                error = BoxRule + ".";
                return false;
            }

            region = new RegionSpec(RegionPreset.Box, x, y, w, h, feather);
            return true;
        }

        if (hasBox)
        {
            error = $"Give either a region preset or a box, not both (you gave \"{presetText}\" and a box).";
            return false;
        }

        region = FromPreset(presetText, feather);
        if (region is null)
        {
            error = $"Unknown region \"{presetText}\": choose {PresetNames}, or give a box x,y,w,h in percent.";
            return false;
        }

        return true;
    }

    private static RegionSpec? FromPreset(string name, double feather) => name switch
    {
        "full" or "all" or "whole" => new(RegionPreset.Full, 0, 0, 100, 100, feather),
        "top" => new(RegionPreset.Top, 0, 0, 100, 50, feather),
        "bottom" => new(RegionPreset.Bottom, 0, 50, 100, 50, feather),
        "left" => new(RegionPreset.Left, 0, 0, 50, 100, feather),
        "right" => new(RegionPreset.Right, 50, 0, 50, 100, feather),
        "center" or "centre" or "middle" => new(RegionPreset.Center, 25, 25, 50, 50, feather),
        _ => null,
    };

    private static bool TryParseBox(string text, out double x, out double y, out double w, out double h)
    {
        x = y = w = h = 0;
        var parts = text.Replace("%", string.Empty, StringComparison.Ordinal)
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 4)
        {
            return false;
        }

        var values = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])
                || double.IsNaN(values[i]) || values[i] < 0 || values[i] > 100)
            {
                return false;
            }
        }

        (x, y, w, h) = (values[0], values[1], values[2], values[3]);
        const double slack = 1e-9;
        return w > 0 && h > 0 && x + w <= 100 + slack && y + h <= 100 + slack;
    }
}

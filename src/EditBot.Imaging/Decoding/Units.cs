using System.Globalization;

namespace EditBot.Imaging.Decoding;

/// <summary>Human-readable sizes for user-facing messages.</summary>
internal static class Units
{
    public static string Megabytes(long bytes) =>
        (bytes / 1_000_000d).ToString(bytes < 10_000_000 ? "0.0" : "0", CultureInfo.InvariantCulture) + " MB";

    public static string Megapixels(long pixels) =>
        (pixels / 1_000_000d).ToString(pixels < 10_000_000 ? "0.0" : "0", CultureInfo.InvariantCulture) + " MP";
}

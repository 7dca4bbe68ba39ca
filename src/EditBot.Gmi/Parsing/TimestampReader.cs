using System.Globalization;
using System.Text.Json;

namespace EditBot.Gmi.Parsing;

/// <summary>GMI sends Unix seconds; strings and milliseconds have been seen elsewhere, so both are accepted.</summary>
internal static class TimestampReader
{
    private const double MillisecondThreshold = 1e11;

    public static DateTimeOffset? Read(JsonElement? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var number))
        {
            return FromUnix(number);
        }

        if (v.ValueKind != JsonValueKind.String || v.GetString() is not { Length: > 0 } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return FromUnix(parsed);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    private static DateTimeOffset? FromUnix(double value)
    {
        var milliseconds = value > MillisecondThreshold ? value : value * 1000;
        return milliseconds is < 0 or > 253402300799999 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }
}

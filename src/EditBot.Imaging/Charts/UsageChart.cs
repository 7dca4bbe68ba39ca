using System.Globalization;
using EditBot.Imaging.Encoders;
using SkiaSharp;

namespace EditBot.Imaging.Charts;

/// <summary>
/// A PNG of a server's usage in Discord's dark palette: edits per day as bars (left axis), estimated spend per day
/// as a line (right axis), dates below (thinned so labels never overlap, the last day always labelled), and the
/// top members as horizontal bars on the right. Bars are drawn without antialiasing, in whole pixels, so their
/// colour is exact and the tallest day's bar reaches the top of <see cref="Plot"/>.
/// </summary>
public static class UsageChart
{
    public const int Width = 1000;
    public const int Height = 560;

    /// <summary>At most this many members are drawn.</summary>
    public const int MaxMembers = 8;

    public static readonly SKColor Background = new(0x31, 0x33, 0x38);
    public static readonly SKColor EditsColor = new(0x58, 0x65, 0xF2);
    public static readonly SKColor SpendColor = new(0x23, 0xA5, 0x5A);
    public static readonly SKColor TextColor = new(0xDB, 0xDE, 0xE1);
    private static readonly SKColor MutedText = new(0x94, 0x9B, 0xA4);
    private static readonly SKColor GridColor = new(0x3F, 0x41, 0x47);

    /// <summary>Where the day bars are drawn: a bar of the period's most edits fills it from bottom to top.</summary>
    public static readonly SKRectI Plot = new(72, 84, 680, 488);

    /// <summary>The top members' panel: labels and bars stay inside it.</summary>
    public static readonly SKRectI Members = new(760, 84, 976, 488);

    private const float DateLabelGap = 14;
    private const int MemberRow = 48;
    private static readonly SKColorSpace Srgb = SKColorSpace.CreateSrgb();

    /// <summary>Whether text is drawn (false on a machine without any usable font; see <see cref="ChartTypeface"/>).</summary>
    public static bool DrawsText => ChartTypeface.Typeface is not null;

    /// <param name="days">The period, oldest first, one entry per day (days without edits included).</param>
    /// <param name="topMembers">Most edits first; only the first <see cref="MaxMembers"/> are drawn.</param>
    /// <param name="title">Shown at the top; by default the period's first and last dates.</param>
    public static byte[] Render(IReadOnlyList<UsageChartDay> days, IReadOnlyList<UsageChartMember> topMembers, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(topMembers);
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque, Srgb));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Background);
            using var text = new Text(ChartTypeface.Typeface);
            text.Draw(canvas, title ?? DefaultTitle(days), 24, 36, 20, TextColor);
            DrawLegend(canvas, text);
            DrawDays(canvas, text, days);
            DrawMembers(canvas, text, topMembers);
        }

        return ImageEncoder.Png(bitmap, 6);
    }

    /// <summary>The pixel columns [Left, Right) of day <paramref name="index"/>'s bar among <paramref name="count"/> days.</summary>
    public static (int Left, int Right) BarColumns(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        var slot = Plot.Width / (float)count;
        var width = Math.Max(1, (int)MathF.Round(slot * 0.7f));
        var left = Plot.Left + (int)MathF.Round((index * slot) + ((slot - width) / 2));
        return (left, left + width);
    }

    /// <summary>Which days get a date label: every <c>step</c>-th counted back from the last, so labels of <paramref name="labelWidth"/> never overlap.</summary>
    public static IReadOnlyList<int> DateLabelIndices(int count, float labelWidth)
    {
        if (count == 0)
        {
            return [];
        }

        var fit = Math.Max(1, (int)(Plot.Width / (labelWidth + DateLabelGap)));
        var step = (count + fit - 1) / fit;
        return Enumerable.Range(0, count).Where(i => (count - 1 - i) % step == 0).ToList();
    }

    /// <summary><paramref name="label"/> cut with "…" so that it fits <paramref name="maxWidth"/> at <paramref name="size"/>.</summary>
    public static string Ellipsise(string label, float maxWidth, float size = 14)
    {
        ArgumentNullException.ThrowIfNull(label);
        using var text = new Text(ChartTypeface.Typeface);
        return text.Fit(label, maxWidth, size);
    }

    private static string DefaultTitle(IReadOnlyList<UsageChartDay> days) => days.Count switch
    {
        0 => "Usage: no days in this period",
        1 => string.Create(CultureInfo.InvariantCulture, $"Usage on {days[0].Date:yyyy-MM-dd} (UTC)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Usage from {days[0].Date:yyyy-MM-dd} to {days[^1].Date:yyyy-MM-dd} (UTC, {days.Count} days)"),
    };

    private static void DrawLegend(SKCanvas canvas, Text text)
    {
        using var edits = new SKPaint { Color = EditsColor };
        canvas.DrawRect(SKRect.Create(Plot.Left, 54, 12, 12), edits);
        var x = text.Draw(canvas, "Edits per day (left)", Plot.Left + 18, 65, 13, TextColor) + 24;
        using var spend = new SKPaint { Color = SpendColor, IsAntialias = true, StrokeWidth = 3, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(x, 60, x + 16, 60, spend);
        text.Draw(canvas, "Estimated spend per day, USD (right)", x + 22, 65, 13, TextColor);
    }

    private static void DrawDays(SKCanvas canvas, Text text, IReadOnlyList<UsageChartDay> days)
    {
        var maxEdits = days.Count == 0 ? 0 : days.Max(d => d.Edits);
        var maxSpend = days.Count == 0 ? 0m : days.Max(d => d.SpendUsd);
        using var grid = new SKPaint { Color = GridColor, StrokeWidth = 1 };
        foreach (var tick in Ticks(maxEdits))
        {
            var y = Plot.Bottom - (float)(tick / maxEdits * Plot.Height);
            canvas.DrawLine(Plot.Left, y, Plot.Right, y, grid);
            text.DrawRight(canvas, tick.ToString("0.##", CultureInfo.InvariantCulture), Plot.Left - 8, y + 4, 12, MutedText);
        }

        foreach (var tick in Ticks((double)maxSpend))
        {
            var y = Plot.Bottom - (float)(tick / (double)maxSpend * Plot.Height);
            text.Draw(canvas, Dollars(tick, (double)maxSpend), Plot.Right + 8, y + 4, 12, SpendColor);
        }

        canvas.DrawLine(Plot.Left, Plot.Bottom, Plot.Right, Plot.Bottom, grid);
        if (maxEdits == 0 && maxSpend == 0)
        {
            text.DrawCentred(canvas, days.Count == 0 ? "No days to show" : "No edits in this period", Plot.MidX, Plot.MidY, 16, MutedText);
        }

        using var bar = new SKPaint { Color = EditsColor, IsAntialias = false };
        for (var i = 0; i < days.Count && maxEdits > 0; i++)
        {
            var height = (int)Math.Round((double)days[i].Edits / maxEdits * Plot.Height);
            var (left, right) = BarColumns(i, days.Count);
            canvas.DrawRect(new SKRect(left, Plot.Bottom - height, right, Plot.Bottom), bar);
        }

        DrawSpend(canvas, days, maxSpend);
        DrawDates(canvas, text, days);
    }

    private static void DrawSpend(SKCanvas canvas, IReadOnlyList<UsageChartDay> days, decimal maxSpend)
    {
        if (maxSpend <= 0)
        {
            return;
        }

        var points = days.Select((d, i) =>
        {
            var (left, right) = BarColumns(i, days.Count);
            return new SKPoint((left + right) / 2f, Plot.Bottom - (float)(d.SpendUsd / maxSpend * Plot.Height));
        }).ToArray();
        using var line = new SKPaint { Color = SpendColor, IsAntialias = true, StrokeWidth = 2.5f, Style = SKPaintStyle.Stroke, StrokeJoin = SKStrokeJoin.Round };
        canvas.DrawPoints(SKPointMode.Polygon, points, line);
        if (days.Count <= 31)
        {
            using var dot = new SKPaint { Color = SpendColor, IsAntialias = true };
            foreach (var point in points)
            {
                canvas.DrawCircle(point, 3.5f, dot);
            }
        }
    }

    private static void DrawDates(SKCanvas canvas, Text text, IReadOnlyList<UsageChartDay> days)
    {
        const float size = 12;
        var labels = days.Select(d => d.Date.ToString("MMM d", CultureInfo.InvariantCulture)).ToList();
        var widest = labels.Count == 0 ? 0 : labels.Max(l => text.Measure(l, size));
        foreach (var i in DateLabelIndices(days.Count, widest))
        {
            var (left, right) = BarColumns(i, days.Count);
            text.DrawCentred(canvas, labels[i], (left + right) / 2f, Plot.Bottom + 20, size, MutedText);
        }
    }

    private static void DrawMembers(SKCanvas canvas, Text text, IReadOnlyList<UsageChartMember> members)
    {
        text.Draw(canvas, "Top members (edits)", Members.Left, Members.Top + 10, 14, TextColor);
        var shown = members.Take(MaxMembers).ToList();
        if (shown.Count == 0)
        {
            text.Draw(canvas, "Nobody yet", Members.Left, Members.Top + 40, 13, MutedText);
            return;
        }

        var most = Math.Max(1, shown.Max(m => m.Edits));
        const int valueRoom = 44;
        using var bar = new SKPaint { Color = EditsColor, IsAntialias = false };
        for (var i = 0; i < shown.Count; i++)
        {
            var top = Members.Top + 26 + (i * MemberRow);
            text.Draw(canvas, text.Fit(shown[i].Label, Members.Width, 13), Members.Left, top + 14, 13, TextColor);
            var length = (int)Math.Round((double)shown[i].Edits / most * (Members.Width - valueRoom));
            canvas.DrawRect(new SKRect(Members.Left, top + 20, Members.Left + length, top + 34), bar);
            text.Draw(canvas, shown[i].Edits.ToString(CultureInfo.InvariantCulture), Members.Left + length + 6, top + 32, 12, MutedText);
        }
    }

    /// <summary>Round values from 0 up to <paramref name="max"/> (1, 2 or 5 times a power of ten apart, about four steps).</summary>
    private static IEnumerable<double> Ticks(double max)
    {
        if (max <= 0)
        {
            yield break;
        }

        var rough = max / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var multiple = (rough / power) switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 };
        var step = multiple * power;
        for (var k = 0; k * step <= max * (1 + 1e-9); k++)
        {
            yield return k * step;
        }
    }

    private static string Dollars(double value, double max) =>
        "$" + value.ToString(max >= 100 ? "0" : max >= 1 ? "0.##" : "0.00##", CultureInfo.InvariantCulture);

    /// <summary>Text drawing with one typeface; with none (no font on this machine) it draws and measures nothing.</summary>
    private sealed class Text(SKTypeface? typeface) : IDisposable
    {
        private readonly SKPaint _paint = new() { IsAntialias = true };
        private readonly SKFont? _font = typeface is null ? null : new SKFont(typeface) { Subpixel = true };

        public float Measure(string value, float size)
        {
            if (_font is null)
            {
                return 0;
            }

            _font.Size = size;
            return _font.MeasureText(value);
        }

        /// <summary>Draws left-aligned at the baseline; returns the x where the text ends.</summary>
        public float Draw(SKCanvas canvas, string value, float x, float y, float size, SKColor color)
        {
            if (_font is null)
            {
                return x;
            }

            _font.Size = size;
            _paint.Color = color;
            canvas.DrawText(value, x, y, SKTextAlign.Left, _font, _paint);
            return x + _font.MeasureText(value);
        }

        public void DrawRight(SKCanvas canvas, string value, float right, float y, float size, SKColor color) =>
            Draw(canvas, value, right - Measure(value, size), y, size, color);

        public void DrawCentred(SKCanvas canvas, string value, float centre, float y, float size, SKColor color) =>
            Draw(canvas, value, centre - (Measure(value, size) / 2), y, size, color);

        public string Fit(string value, float maxWidth, float size)
        {
            if (Measure(value, size) <= maxWidth)
            {
                return value;
            }

            var keep = value.Length;
            while (keep > 0 && Measure(string.Concat(value.AsSpan(0, keep).TrimEnd(), "…"), size) > maxWidth)
            {
                keep--;
            }

            return string.Concat(value.AsSpan(0, keep).TrimEnd(), "…");
        }

        public void Dispose()
        {
            _paint.Dispose();
            _font?.Dispose();
        }
    }
}

using EditBot.Imaging.Charts;
using SkiaSharp;

namespace EditBot.Imaging.Tests.Charts;

/// <summary>The chart is checked by reading its pixels where the data says bars must (or must not) be.</summary>
public sealed class UsageChartTests
{
    private static readonly DateOnly Start = new(2026, 3, 4);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(90)]
    public void The_png_decodes_at_the_stated_size(int count)
    {
        var png = UsageChart.Render(Days(Enumerable.Range(0, count).Select(i => (i * 7) % 11).ToArray()), Members(3));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        using var chart = SKBitmap.Decode(png);
        Assert.Equal((UsageChart.Width, UsageChart.Height), (chart.Width, chart.Height));
    }

    [Fact]
    public void A_day_without_edits_has_no_bar_and_the_busiest_day_reaches_the_top_of_the_plot()
    {
        int[] edits = [3, 0, 7, 2];
        using var chart = SKBitmap.Decode(UsageChart.Render(Days(edits), []));

        Assert.Equal(0, BarPixels(chart, 1, edits.Length, UsageChart.Plot.Top, UsageChart.Plot.Bottom));
        Assert.Equal(UsageChart.Plot.Top, BarTop(chart, 2, edits.Length));
        Assert.Equal(UsageChart.Plot.Bottom - (int)Math.Round(2.0 / 7 * UsageChart.Plot.Height), BarTop(chart, 3, edits.Length));
        Assert.Equal(UsageChart.Plot.Bottom - (int)Math.Round(3.0 / 7 * UsageChart.Plot.Height), BarTop(chart, 0, edits.Length));
        // Nothing of the bar colour spills above the plot or below the axis.
        Assert.Equal(0, BarPixels(chart, 2, edits.Length, 0, UsageChart.Plot.Top));
        Assert.Equal(0, BarPixels(chart, 2, edits.Length, UsageChart.Plot.Bottom, UsageChart.Height));
    }

    [Fact]
    public void One_day_is_one_bar_filling_the_plot_with_its_spend_point()
    {
        using var chart = SKBitmap.Decode(UsageChart.Render(Days([4], spend: [0.84m]), Members(1)));

        var (left, right) = UsageChart.BarColumns(0, 1);
        Assert.InRange(left, UsageChart.Plot.Left, UsageChart.Plot.Right);
        Assert.InRange(right, left + 1, UsageChart.Plot.Right);
        Assert.Equal(UsageChart.Plot.Top, BarTop(chart, 0, 1));
        Assert.True(Count(chart, UsageChart.Plot, UsageChart.SpendColor) > 0, "the day's spend is drawn as a point");
    }

    [Fact]
    public void A_period_of_zeros_draws_no_bars_and_no_spend_line()
    {
        using var chart = SKBitmap.Decode(UsageChart.Render(Days(new int[7]), []));

        Assert.Equal(0, Count(chart, UsageChart.Plot, UsageChart.EditsColor));
        Assert.Equal(0, Count(chart, UsageChart.Plot, UsageChart.SpendColor));
    }

    [Fact]
    public void Spend_is_drawn_on_its_own_axis_the_costliest_day_at_the_top()
    {
        using var chart = SKBitmap.Decode(UsageChart.Render(Days([1, 1, 1], spend: [0.02m, 3m, 0.02m]), []));

        var (left, right) = UsageChart.BarColumns(1, 3);
        var nearTop = new SKRectI(left, UsageChart.Plot.Top - 4, right, UsageChart.Plot.Top + 4);
        Assert.True(Count(chart, nearTop, UsageChart.SpendColor) > 0, "the costliest day's point sits at the top of the plot");
        var (left0, right0) = UsageChart.BarColumns(0, 3);
        var nearBottom = new SKRectI(left0, UsageChart.Plot.Bottom - 8, right0, UsageChart.Plot.Bottom + 4);
        Assert.True(Count(chart, nearBottom, UsageChart.SpendColor) > 0, "a cheap day's point sits near the axis");
    }

    [Fact]
    public void Ninety_days_get_separate_bars_and_thinned_date_labels_ending_on_the_last_day()
    {
        var edits = Enumerable.Range(0, 90).Select(i => 1 + (i % 5)).ToArray();
        using var chart = SKBitmap.Decode(UsageChart.Render(Days(edits), []));

        for (var i = 0; i < edits.Length; i++)
        {
            var (left, right) = UsageChart.BarColumns(i, edits.Length);
            Assert.True(right > left);
            if (i > 0)
            {
                Assert.True(left >= UsageChart.BarColumns(i - 1, edits.Length).Right, $"bars {i - 1} and {i} overlap");
            }

            var expectedTop = UsageChart.Plot.Bottom - (int)Math.Round(edits[i] / 5.0 * UsageChart.Plot.Height);
            Assert.Equal(expectedTop, BarTop(chart, i, edits.Length));
        }

        const float labelWidth = 40;
        var labels = UsageChart.DateLabelIndices(90, labelWidth);
        Assert.InRange(labels.Count, 2, 15);
        Assert.Equal(89, labels[^1]);
        var centres = labels.Select(i => UsageChart.BarColumns(i, 90)).Select(c => (c.Left + c.Right) / 2f).ToList();
        Assert.All(centres.Zip(centres.Skip(1)), pair => Assert.True(pair.Second - pair.First >= labelWidth, "labels overlap"));
        Assert.Equal(Enumerable.Range(0, 7), UsageChart.DateLabelIndices(7, labelWidth));
    }

    [Fact]
    public void Top_members_are_bars_in_proportion_and_long_names_stay_inside_their_panel()
    {
        var name = "A member whose display name is far too long to fit beside the chart at all, " + new string('x', 200);
        using var chart = SKBitmap.Decode(UsageChart.Render(Days([1]), [new(name, 10), new("half", 5)]));

        var rows = Rows(chart, UsageChart.Members, UsageChart.EditsColor);
        Assert.Equal(2, rows.Count);
        Assert.Equal(UsageChart.Members.Width - 44, rows[0].Length);
        Assert.Equal((UsageChart.Members.Width - 44) / 2, rows[1].Length);
        var beyond = new SKRectI(UsageChart.Members.Right + 1, UsageChart.Members.Top, UsageChart.Width, UsageChart.Members.Bottom);
        Assert.Equal(0, Count(chart, beyond, c => c != UsageChart.Background));

        var fitted = UsageChart.Ellipsise(name, UsageChart.Members.Width, 13);
        if (UsageChart.DrawsText)
        {
            Assert.EndsWith("…", fitted, StringComparison.Ordinal);
            Assert.True(fitted.Length < name.Length);
        }
    }

    [Fact]
    public void Text_is_drawn_where_a_font_is_found()
    {
        using var chart = SKBitmap.Decode(UsageChart.Render(Days([1, 2]), Members(2)));
        var title = new SKRectI(0, 0, UsageChart.Width, 44);

        Assert.Equal(UsageChart.DrawsText, Count(chart, title, UsageChart.TextColor) > 0);
    }

    private static List<UsageChartDay> Days(int[] edits, decimal[]? spend = null) =>
        edits.Select((e, i) => new UsageChartDay(Start.AddDays(i), e, spend?[i] ?? e * 0.211m)).ToList();

    private static List<UsageChartMember> Members(int count) =>
        Enumerable.Range(1, count).Select(i => new UsageChartMember($"member {i}", 10 - i)).ToList();

    /// <summary>The highest row of the plot where day <paramref name="index"/>'s columns hold the bar colour.</summary>
    private static int BarTop(SKBitmap chart, int index, int count)
    {
        var (left, right) = UsageChart.BarColumns(index, count);
        for (var y = UsageChart.Plot.Top; y < UsageChart.Plot.Bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                if (chart.GetPixel(x, y) == UsageChart.EditsColor)
                {
                    return y;
                }
            }
        }

        return UsageChart.Plot.Bottom;
    }

    private static int BarPixels(SKBitmap chart, int index, int count, int top, int bottom)
    {
        var (left, right) = UsageChart.BarColumns(index, count);
        return Count(chart, new SKRectI(left, top, right, bottom), UsageChart.EditsColor);
    }

    private static int Count(SKBitmap chart, SKRectI area, SKColor colour) => Count(chart, area, c => c == colour);

    private static int Count(SKBitmap chart, SKRectI area, Func<SKColor, bool> match)
    {
        var found = 0;
        for (var y = Math.Max(0, area.Top); y < Math.Min(chart.Height, area.Bottom); y++)
        {
            for (var x = Math.Max(0, area.Left); x < Math.Min(chart.Width, area.Right); x++)
            {
                found += match(chart.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return found;
    }

    /// <summary>Each run of rows holding <paramref name="colour"/> in <paramref name="area"/>, with its widest extent from the left edge.</summary>
    private static List<(int Top, int Length)> Rows(SKBitmap chart, SKRectI area, SKColor colour)
    {
        var rows = new List<(int Top, int Length)>();
        var inRow = false;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            var length = 0;
            while (area.Left + length < area.Right && chart.GetPixel(area.Left + length, y) == colour)
            {
                length++;
            }

            if (length > 0 && !inRow)
            {
                rows.Add((y, length));
            }

            inRow = length > 0;
        }

        return rows;
    }
}

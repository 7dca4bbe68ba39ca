using System.Globalization;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Imaging.Charts;

namespace EditBot.Moderation.Discord;

/// <summary>A <see cref="UsageReport"/> drawn as <see cref="UsageChart"/>: the file, and the embed that shows it beside the numbers.</summary>
public static class UsageChartFile
{
    public const string FileName = "usage.png";

    /// <summary>The chart's per-day bars and top members (most edits first; members are shown by id, as the report knows no names).</summary>
    public static DiscordFile Render(UsageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var days = report.PerDay.Select(d => new UsageChartDay(d.Date, d.Totals.Edits, d.Totals.CostUsd)).ToList();
        var members = report.Users
            .OrderByDescending(u => u.Totals.Edits).ThenByDescending(u => u.Totals.CostUsd).ThenBy(u => u.UserId)
            .Take(UsageChart.MaxMembers)
            .Select(u => new UsageChartMember(u.UserId.ToString(CultureInfo.InvariantCulture), u.Totals.Edits))
            .ToList();
        var png = UsageChart.Render(days, members);
        return new DiscordFile(FileName, png, "image/png", "Chart of edits and estimated spend per day, and the members with the most edits");
    }

    /// <summary>An embed holding only the chart, so it shows under the text.</summary>
    public static Embed Embed { get; } = new() { Image = new EmbedMedia { Url = new Uri("attachment://" + FileName) } };
}

using System.Globalization;
using System.Text;

namespace EditBot.Moderation;

/// <summary>
/// Usage of one server over the last <see cref="Days"/> UTC days (today included), per member, per day (every day of
/// the period, oldest first, days without edits included) and in total.
/// </summary>
public sealed record UsageReport(
    ulong GuildId, int Days, DateTimeOffset Since, UsageTotals Server, IReadOnlyList<(ulong UserId, UsageTotals Totals)> Users, IReadOnlyList<UsageDay> PerDay)
{
    /// <summary>Plain text for an ephemeral answer: the server line, then members by cost (at most <paramref name="maxUsers"/>).</summary>
    public string ToText(int maxUsers = 20)
    {
        var since = Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Usage over {Days} day{(Days == 1 ? "" : "s")} (since {since} 00:00 UTC), estimated cost\n")
            .Append(CultureInfo.InvariantCulture, $"Server: {Server}\n");
        foreach (var (userId, totals) in Users.Take(maxUsers))
        {
            text.Append(CultureInfo.InvariantCulture, $"<@{userId}>: {totals}\n");
        }

        if (Users.Count > maxUsers)
        {
            text.Append(CultureInfo.InvariantCulture, $"and {Users.Count - maxUsers} more members\n");
        }

        return text.ToString().TrimEnd('\n');
    }
}

using System.Globalization;
using System.Text;

namespace EditBot.Moderation;

/// <summary>All of a server's settings as the settings command shows them, one line per setting; "none" means no rule.</summary>
public static class GuildSettingsText
{
    public static string Describe(GuildSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var review = s.Review;
        var text = new StringBuilder()
            .AppendLine($"Allowed channels: {Mentions(s.AllowedChannelIds, "#", "all")}")
            .AppendLine($"Denied channels: {Mentions(s.DeniedChannelIds, "#", "none")}")
            .AppendLine($"Allowed roles: {Mentions(s.AllowedRoleIds, "@&", "everyone")}")
            .AppendLine(review.Enabled
                ? $"Review: on, in {Mention(review.ChannelId, "#")}, reviewers {Mention(review.ReviewerRoleId, "@&")} and Manage Server, expires after {DurationText.Minutes(review.EffectiveExpiry)}"
                : "Review: off")
            .AppendLine($"Blocklist: {s.Blocklist.Count} entr{(s.Blocklist.Count == 1 ? "y" : "ies")}")
            .AppendLine($"Daily edits per member: {Or(s.UserDailyEditLimit)}")
            .AppendLine($"Daily images for the server: {Or(s.ServerDailyImageLimit)}")
            .AppendLine($"Daily budget: {(s.DailyBudgetUsd is { } budget ? Money.Format(budget) : "none")}")
            .AppendLine($"Cooldown per member: {(s.UserCooldown is { } cooldown && cooldown > TimeSpan.Zero ? DurationText.Seconds(cooldown) : "none")}")
            .AppendLine($"Maximum count: {Or(s.MaxCount)}")
            .AppendLine($"Maximum quality: {s.MaxQuality ?? "none"}")
            .AppendLine($"Default size: {s.DefaultSize ?? "auto"}")
            .AppendLine($"Default quality: {s.DefaultQuality ?? "auto"}")
            .AppendLine($"Audit log: {Mention(s.AuditChannelId, "#")}")
            .Append($"Results as spoilers: {(s.ResultsAsSpoilers ? "yes" : "no")}");
        return text.ToString();
    }

    /// <summary>The blocklist as a numbered list with who added each entry and when.</summary>
    public static string DescribeBlocklist(GuildSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Blocklist.Count == 0)
        {
            return "The blocklist is empty.";
        }

        var lines = s.Blocklist.Select((e, i) =>
            $"{i + 1}. {(e.Kind == BlocklistEntryKind.Regex ? "regex" : "word")} `{e.Pattern.Replace("`", "'", StringComparison.Ordinal)}` added by <@{e.AddedByUserId}> on {e.AddedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        return AuditText.Truncate(string.Join('\n', lines), AuditEntry.MaxContentLength);
    }

    private static string Or(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Mention(ulong? id, string sigil) => id is { } value ? $"<{sigil}{value}>" : "none";

    private static string Mentions(IReadOnlyList<ulong> ids, string sigil, string whenEmpty) =>
        ids.Count == 0 ? whenEmpty : string.Join(", ", ids.Select(id => $"<{sigil}{id}>"));
}

using System.Globalization;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;

namespace EditBot.Moderation.Discord;

/// <summary>Turns an /editbot-admin invocation into an <see cref="AdminAction"/>: which setting, changed how.</summary>
public static class AdminCommandParser
{
    public static AdminAction Parse(InteractionData data, ulong actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.SubcommandPath() switch
        {
            "show" => new AdminAction(AdminActionKind.ShowSettings),
            "usage" => new AdminAction(AdminActionKind.ShowUsage, UsageUserId: Id(data, AdminOptions.User),
                UsageDays: (int)Math.Clamp(data.GetInteger(AdminOptions.Days) ?? AdminAction.DefaultUsageDays, 1, UsageReportBuilder.MaxDays)),
            "reset" => data.GetBoolean(AdminOptions.Confirm) == true
                ? new AdminAction(AdminActionKind.ResetSettings)
                : AdminAction.Invalid("Nothing was reset: set `confirm` to True to forget all of this server's settings."),
            "audit" => Id(data, AdminOptions.Channel) is { } audit
                ? AdminAction.Set($"Audit log: <#{audit}>.", s => s with { AuditChannelId = audit })
                : AdminAction.Set("Audit log: off.", s => s with { AuditChannelId = null }),
            "spoilers" => data.GetBoolean(AdminOptions.Enabled) is { } on
                ? AdminAction.Set($"Results as spoilers: {(on ? "yes" : "no")}.", s => s with { ResultsAsSpoilers = on })
                : Missing(AdminOptions.Enabled),
            var path when path.StartsWith("channels ", StringComparison.Ordinal) => SettingChanges.Channels(path[9..], Id(data, AdminOptions.Channel)),
            var path when path.StartsWith("roles ", StringComparison.Ordinal) => SettingChanges.Roles(path[6..], Id(data, AdminOptions.Role)),
            var path when path.StartsWith("review ", StringComparison.Ordinal) => Review(path[7..], data),
            var path when path.StartsWith("blocklist ", StringComparison.Ordinal) => Blocklist(path[10..], data, actorId, now),
            var path when path.StartsWith("limits ", StringComparison.Ordinal) => Limits(path[7..], data),
            var path when path.StartsWith("defaults ", StringComparison.Ordinal) => Defaults(path[9..], data),
            var other => AdminAction.Invalid($"`/{AdminCommandDefinition.Name} {other}` is not a setting I know."),
        };
    }

    private static AdminAction Review(string sub, InteractionData data) => sub switch
    {
        "on" => Id(data, AdminOptions.Channel) is { } channel
            ? SettingChanges.ReviewOn(channel, Id(data, AdminOptions.ReviewerRole), Hours(data.GetNumber(AdminOptions.ExpiryHours)))
            : Missing(AdminOptions.Channel),
        "off" => AdminAction.Set("Review: off.", s => s with { Review = s.Review with { Enabled = false } }),
        "expiry" => Hours(data.GetNumber(AdminOptions.Hours)) is { } expiry
            ? AdminAction.Set($"Review expiry: {DurationText.Minutes(expiry)}.", s => s with { Review = s.Review with { Expiry = expiry } })
            : AdminAction.Set($"Review expiry: {DurationText.Minutes(ReviewSettings.DefaultExpiry)} (the default).", s => s with { Review = s.Review with { Expiry = null } }),
        _ => Unknown("review", sub),
    };

    private static AdminAction Blocklist(string sub, InteractionData data, ulong actorId, DateTimeOffset now)
    {
        var pattern = data.GetString(AdminOptions.Pattern);
        switch (sub)
        {
            case "list":
                return new AdminAction(AdminActionKind.ShowBlocklist);
            case "add" when pattern is not null:
                var kind = string.Equals(data.GetString(AdminOptions.Kind), "regex", StringComparison.OrdinalIgnoreCase) ? BlocklistEntryKind.Regex : BlocklistEntryKind.Word;
                return new AdminAction(AdminActionKind.ChangeSettings, $"Blocked {(kind == BlocklistEntryKind.Regex ? "pattern" : "word")} `{Code(pattern)}`.",
                    s => BlocklistEditor.Add(s, kind, pattern, actorId, now));
            case "remove" when pattern is not null:
                return new AdminAction(AdminActionKind.ChangeSettings, $"Unblocked `{Code(pattern)}`.", s => BlocklistEditor.Remove(s, pattern));
            case "add" or "remove":
                return Missing(AdminOptions.Pattern);
            default:
                return Unknown("blocklist", sub);
        }
    }

    private static AdminAction Limits(string sub, InteractionData data)
    {
        int? Int(string name) => data.GetInteger(name) is { } value ? (int)Math.Clamp(value, int.MinValue, int.MaxValue) : null;
        return sub switch
        {
            "user-daily" => SettingChanges.UserDaily(Int(AdminOptions.Edits)),
            "server-daily" => SettingChanges.ServerDaily(Int(AdminOptions.Images)),
            "budget" => SettingChanges.Budget(data.GetNumber(AdminOptions.Dollars) is { } dollars ? (decimal)dollars : null),
            "cooldown" => SettingChanges.Cooldown(Int(AdminOptions.Seconds)),
            "max-count" => SettingChanges.MaxCount(Int(AdminOptions.Count)),
            "max-quality" => SettingChanges.MaxQuality(data.GetString(AdminOptions.Quality)),
            _ => Unknown("limits", sub),
        };
    }

    private static AdminAction Defaults(string sub, InteractionData data) => sub switch
    {
        "size" => SettingChanges.DefaultSize(data.GetString(AdminOptions.Size)),
        "quality" => SettingChanges.DefaultQuality(data.GetString(AdminOptions.Quality)),
        _ => Unknown("defaults", sub),
    };

    /// <summary>Channel, role and user options arrive as snowflake strings.</summary>
    private static ulong? Id(InteractionData data, string name) =>
        ulong.TryParse(data.GetString(name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static TimeSpan? Hours(double? hours) => hours is { } h && double.IsFinite(h) ? TimeSpan.FromMinutes(Math.Round(h * 60)) : null;

    private static string Code(string text) => text.Trim().Replace("`", "'", StringComparison.Ordinal);

    private static AdminAction Missing(string option) => AdminAction.Invalid($"The `{option}` option is required here.");

    private static AdminAction Unknown(string group, string sub) =>
        AdminAction.Invalid($"`/{AdminCommandDefinition.Name} {group} {sub}` is not a setting I know.");
}

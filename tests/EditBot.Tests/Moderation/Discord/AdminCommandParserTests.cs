using System.Text.Json;
using System.Text.Json.Nodes;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Moderation;
using EditBot.Moderation.Discord;
using EditBot.TestSupport.Discord.Inject;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Moderation.Discord;

public sealed class AdminCommandParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Channel_allow_adds_the_channel_and_takes_it_off_the_denied_list()
    {
        var before = GuildSettings.Default with { DeniedChannelIds = [5] };
        var after = Apply(before, Group("channels", "allow", Id("channel", 5)));
        Assert.Equal([5UL], after.AllowedChannelIds);
        Assert.Empty(after.DeniedChannelIds);
    }

    [Fact]
    public void Channel_deny_and_clear_change_the_lists()
    {
        var denied = Apply(GuildSettings.Default with { AllowedChannelIds = [7] }, Group("channels", "deny", Id("channel", 7)));
        Assert.Equal([7UL], denied.DeniedChannelIds);
        Assert.Empty(denied.AllowedChannelIds);
        var cleared = Apply(denied, Group("channels", "clear"));
        Assert.Empty(cleared.DeniedChannelIds);
    }

    [Fact]
    public void Roles_allow_remove_and_clear()
    {
        var allowed = Apply(GuildSettings.Default, Group("roles", "allow", Id("role", 9)));
        Assert.Equal([9UL], allowed.AllowedRoleIds);
        Assert.Empty(Apply(allowed, Group("roles", "remove", Id("role", 9))).AllowedRoleIds);
        Assert.Empty(Apply(allowed, Group("roles", "clear")).AllowedRoleIds);
    }

    [Fact]
    public void Review_on_sets_channel_reviewer_role_and_expiry_in_hours()
    {
        var after = Apply(GuildSettings.Default, Group("review", "on", Id("channel", 11), Id("reviewer-role", 12), Num("expiry-hours", 2.5)));
        Assert.True(after.Review.Enabled);
        Assert.Equal(11UL, after.Review.ChannelId);
        Assert.Equal(12UL, after.Review.ReviewerRoleId);
        Assert.Equal(TimeSpan.FromMinutes(150), after.Review.Expiry);
        Assert.False(Apply(after, Group("review", "off")).Review.Enabled);
    }

    [Fact]
    public void Review_on_without_a_channel_is_invalid()
    {
        var action = Parse(Group("review", "on"));
        Assert.Equal(AdminActionKind.Invalid, action.Kind);
        Assert.Contains("channel", action.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_set_values_and_an_empty_value_removes_the_limit()
    {
        var s = GuildSettings.Default;
        s = Apply(s, Group("limits", "user-daily", Option.Number("edits", 10)));
        s = Apply(s, Group("limits", "server-daily", Option.Number("images", 50)));
        s = Apply(s, Group("limits", "budget", Num("dollars", 4.5)));
        s = Apply(s, Group("limits", "cooldown", Option.Number("seconds", 90)));
        s = Apply(s, Group("limits", "max-count", Option.Number("count", 2)));
        s = Apply(s, Group("limits", "max-quality", Option.Text("quality", "medium")));
        Assert.Equal((10, 50, 4.5m, TimeSpan.FromSeconds(90), 2, "medium"), (s.UserDailyEditLimit, s.ServerDailyImageLimit, s.DailyBudgetUsd, s.UserCooldown, s.MaxCount, s.MaxQuality));
        Assert.Null(Apply(s, Group("limits", "user-daily")).UserDailyEditLimit);
        Assert.Null(Apply(s, Group("limits", "budget")).DailyBudgetUsd);
        Assert.Null(Apply(s, Group("limits", "cooldown", Option.Number("seconds", 0))).UserCooldown);
    }

    [Fact]
    public void Defaults_store_size_and_quality_and_auto_means_no_default()
    {
        var s = Apply(GuildSettings.Default, Group("defaults", "size", Option.Text("size", "1536x1024")));
        s = Apply(s, Group("defaults", "quality", Option.Text("quality", "low")));
        Assert.Equal(("1536x1024", "low"), (s.DefaultSize, s.DefaultQuality));
        Assert.Null(Apply(s, Group("defaults", "size", Option.Text("size", "auto"))).DefaultSize);
    }

    [Fact]
    public void Audit_with_a_channel_turns_it_on_and_without_turns_it_off()
    {
        var on = Apply(GuildSettings.Default, Option.Subcommand("audit", Id("channel", 33)));
        Assert.Equal(33UL, on.AuditChannelId);
        Assert.Null(Apply(on, Option.Subcommand("audit")).AuditChannelId);
    }

    [Fact]
    public void Spoilers_follow_the_boolean()
    {
        Assert.True(Apply(GuildSettings.Default, Option.Subcommand("spoilers", Option.Boolean("enabled", true))).ResultsAsSpoilers);
    }

    [Fact]
    public void Blocklist_add_records_kind_author_and_time_and_a_bad_regex_is_refused_with_the_reason()
    {
        var s = Apply(GuildSettings.Default, Group("blocklist", "add", Option.Text("pattern", "gore"), Option.Text("kind", "word")));
        var entry = Assert.Single(s.Blocklist);
        Assert.Equal((BlocklistEntryKind.Word, "gore", 77UL, Now), (entry.Kind, entry.Pattern, entry.AddedByUserId, entry.AddedAt));

        var bad = Parse(Group("blocklist", "add", Option.Text("pattern", "(unclosed"), Option.Text("kind", "regex"))).Change!(s);
        Assert.False(bad.Saved);
        Assert.Contains("not a valid regular expression", bad.Problem, StringComparison.Ordinal);
        Assert.Empty(Apply(s, Group("blocklist", "remove", Option.Text("pattern", "GORE"))).Blocklist);
    }

    [Fact]
    public void Usage_reads_user_and_days_and_clamps_days()
    {
        var action = Parse(Option.Subcommand("usage", Id("user", 44), Option.Number("days", 500)));
        Assert.Equal((AdminActionKind.ShowUsage, 44UL, 90), (action.Kind, action.UsageUserId, action.UsageDays));
        Assert.Equal(AdminAction.DefaultUsageDays, Parse(Option.Subcommand("usage")).UsageDays);
    }

    [Fact]
    public void Reset_needs_confirmation()
    {
        Assert.Equal(AdminActionKind.Invalid, Parse(Option.Subcommand("reset", Option.Boolean("confirm", false))).Kind);
        Assert.Equal(AdminActionKind.ResetSettings, Parse(Option.Subcommand("reset", Option.Boolean("confirm", true))).Kind);
    }

    private static Option Group(string group, string sub, params Option[] options) =>
        Option.SubcommandGroup(group, Option.Subcommand(sub, options));

    /// <summary>Channel, role and user options carry snowflake strings on the wire.</summary>
    private static Option Id(string name, ulong id) => new(name, 7, JsonValue.Create(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), [], null);

    private static Option Num(string name, double value) => new(name, 10, JsonValue.Create(value), [], null);

    private static AdminAction Parse(Option option)
    {
        var payload = InteractionPayloads.SlashCommand(AdminCommandDefinition.Name, InteractionOrigin.Guild.AsAdmin(), option);
        var interaction = InteractionParser.Parse(JsonSerializer.SerializeToUtf8Bytes(payload));
        return AdminCommandParser.Parse(interaction.Data!, 77, Now);
    }

    private static GuildSettings Apply(GuildSettings settings, Option option)
    {
        var action = Parse(option);
        Assert.Equal(AdminActionKind.ChangeSettings, action.Kind);
        var update = action.Change!(settings);
        Assert.True(update.Saved, update.Problem);
        return update.Settings;
    }
}

using EditBot.Moderation;

namespace EditBot.Tests.Moderation;

public sealed class GuildSettingsTextTests
{
    [Fact]
    public void Describes_every_setting_on_its_own_line()
    {
        var settings = GuildSettings.Default with
        {
            AllowedChannelIds = [1, 2],
            AllowedRoleIds = [3],
            Review = new ReviewSettings { Enabled = true, ChannelId = 4, ReviewerRoleId = 5 },
            UserDailyEditLimit = 10,
            DailyBudgetUsd = 5m,
            UserCooldown = TimeSpan.FromSeconds(30),
            MaxQuality = "medium",
            AuditChannelId = 6,
            ResultsAsSpoilers = true,
        };

        Assert.Equal(
            """
            Allowed channels: <#1>, <#2>
            Denied channels: none
            Allowed roles: <@&3>
            Review: on, in <#4>, reviewers <@&5> and Manage Server, expires after 24 h
            Blocklist: 0 entries
            Daily edits per member: 10
            Daily images for the server: none
            Daily budget: $5.00
            Cooldown per member: 30 s
            Maximum count: none
            Maximum quality: medium
            Default size: auto
            Default quality: auto
            Audit log: <#6>
            Results as spoilers: yes
            """.ReplaceLineEndings("\n"),
            GuildSettingsText.Describe(settings).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Lists_blocklist_entries_with_who_added_them()
    {
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var settings = BlocklistEditor.Add(GuildSettings.Default, BlocklistEntryKind.Word, "gore", 7, at).Settings;
        settings = BlocklistEditor.Add(settings, BlocklistEntryKind.Regex, @"\bblood\b", 8, at).Settings;

        Assert.Equal("1. word `gore` added by <@7> on 2026-03-01\n2. regex `\\bblood\\b` added by <@8> on 2026-03-01", GuildSettingsText.DescribeBlocklist(settings));
        Assert.Equal("The blocklist is empty.", GuildSettingsText.DescribeBlocklist(GuildSettings.Default));
    }
}

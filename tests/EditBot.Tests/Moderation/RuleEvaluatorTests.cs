using EditBot.Moderation;
using EditBot.Tests.Moderation.Support;

namespace EditBot.Tests.Moderation;

public sealed class RuleEvaluatorTests
{
    // 21:00 UTC: three hours before the daily reset.
    private static readonly DateTimeOffset Evening = new(2026, 3, 10, 21, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Midnight = new(2026, 3, 11, 0, 0, 0, TimeSpan.Zero);

    private readonly RuleEvaluator evaluator = new(new CostEstimator(), new PromptBlocklistCache(TimeSpan.FromSeconds(1)));

    private RuleRefusal? Check(GuildSettings settings, ModerationRequest request, UsageSnapshot? usage = null, CheckPoint point = CheckPoint.Intake) =>
        evaluator.Evaluate(settings, request, usage ?? UsageSnapshot.None, point, Evening);

    [Fact]
    public void Default_settings_allow_everything()
    {
        Assert.Null(Check(GuildSettings.Default, TestJobs.Request(count: 10, quality: "high"), new UsageSnapshot(500, 5000, 999m, Evening)));
    }

    [Fact]
    public void Denied_channel_refuses_there_and_in_its_threads_only()
    {
        var settings = GuildSettings.Default with { DeniedChannelIds = [TestJobs.Channel] };

        Assert.Equal(
            new RuleRefusal(ModerationRule.DeniedChannel, "Edits are not allowed in this channel (the server has denied it)."),
            Check(settings, TestJobs.Request()));
        Assert.Equal(ModerationRule.DeniedChannel, Check(settings, TestJobs.Request(channel: 999, parent: TestJobs.Channel))?.Rule);
        Assert.Null(Check(settings, TestJobs.Request(channel: 201)));
    }

    [Fact]
    public void An_unreadable_channel_is_refused_when_a_deny_list_exists_and_allowed_without_lists()
    {
        var unknown = TestJobs.Request(channel: 999) with { ChannelUnknown = true };

        Assert.Equal(ModerationRule.DeniedChannel, Check(GuildSettings.Default with { DeniedChannelIds = [TestJobs.Channel] }, unknown)?.Rule);
        Assert.Null(Check(GuildSettings.Default, unknown));
    }

    [Fact]
    public void Allowed_channels_refuse_elsewhere_and_name_the_channels()
    {
        var settings = GuildSettings.Default with { AllowedChannelIds = [201, 202] };

        Assert.Equal("Edits are only allowed in <#201>, <#202>.", Check(settings, TestJobs.Request())?.Message);
        Assert.Null(Check(settings, TestJobs.Request(channel: 202)));
        Assert.Null(Check(settings, TestJobs.Request(channel: 777, parent: 201)));
    }

    [Fact]
    public void Denied_wins_over_allowed()
    {
        var settings = GuildSettings.Default with { AllowedChannelIds = [TestJobs.Channel], DeniedChannelIds = [TestJobs.Channel] };

        Assert.Equal(ModerationRule.DeniedChannel, Check(settings, TestJobs.Request())?.Rule);
    }

    [Fact]
    public void Allowed_roles_refuse_members_without_one_except_server_managers()
    {
        var settings = GuildSettings.Default with { AllowedRoleIds = [50, 51] };

        Assert.Equal(
            new RuleRefusal(ModerationRule.MissingRole, "Edits need one of these roles: <@&50>, <@&51>."),
            Check(settings, TestJobs.Request(roles: [49])));
        Assert.Null(Check(settings, TestJobs.Request(roles: [49, 51])));
        Assert.Null(Check(settings, TestJobs.Request(permissions: MemberPermissions.ManageServer)));
    }

    [Fact]
    public void Blocklist_refuses_a_matching_prompt_and_names_the_entry()
    {
        var settings = BlocklistEditor.Add(GuildSettings.Default, BlocklistEntryKind.Word, "gore", 1, Evening).Settings;

        Assert.Equal(
            new RuleRefusal(ModerationRule.Blocklist, "Your prompt matches the server's blocklist entry “gore”."),
            Check(settings, TestJobs.Request(prompt: "lots of G0RE")));
        Assert.Null(Check(settings, TestJobs.Request(prompt: "a gorilla in gorgeous light")));
    }

    [Fact]
    public void Max_count_refuses_more_images_than_allowed()
    {
        var settings = GuildSettings.Default with { MaxCount = 2 };

        Assert.Equal(
            new RuleRefusal(ModerationRule.MaxCount, "Too many images: you asked for 3, this server allows at most 2 per edit."),
            Check(settings, TestJobs.Request(count: 3)));
        Assert.Null(Check(settings, TestJobs.Request(count: 2)));
    }

    [Fact]
    public void Max_quality_refuses_higher_quality_and_auto_counts_as_high()
    {
        var settings = GuildSettings.Default with { MaxQuality = "medium" };

        Assert.Equal(
            new RuleRefusal(ModerationRule.MaxQuality, "Quality too high: you asked for high, this server allows at most medium."),
            Check(settings, TestJobs.Request(quality: "high")));
        Assert.Equal(
            "Quality too high: you asked for auto (which may pick high), this server allows at most medium.",
            Check(settings, TestJobs.Request(quality: "auto"))?.Message);
        Assert.Null(Check(settings, TestJobs.Request(quality: "medium")));
        Assert.Null(Check(settings, TestJobs.Request(quality: "low")));
    }

    [Fact]
    public void User_daily_limit_refuses_at_the_limit_with_numbers_and_reset()
    {
        var settings = GuildSettings.Default with { UserDailyEditLimit = 10 };

        Assert.Equal(
            new RuleRefusal(ModerationRule.UserDailyLimit, "Daily limit reached: 10/10 edits; resets at 00:00 UTC, in 3 h", Midnight),
            Check(settings, TestJobs.Request(), new UsageSnapshot(10, 0, 0m, null)));
        Assert.Null(Check(settings, TestJobs.Request(), new UsageSnapshot(9, 0, 0m, null)));
        Assert.Null(Check(settings, TestJobs.Request(permissions: MemberPermissions.ManageServer), new UsageSnapshot(10, 0, 0m, null)));
    }

    [Fact]
    public void Server_image_limit_refuses_a_request_that_would_pass_it()
    {
        var settings = GuildSettings.Default with { ServerDailyImageLimit = 100 };

        Assert.Equal(
            new RuleRefusal(ModerationRule.ServerDailyImageLimit, "Server daily image limit reached: 98/100 images, this edit would make 4; resets at 00:00 UTC, in 3 h", Midnight),
            Check(settings, TestJobs.Request(count: 4), new UsageSnapshot(0, 98, 0m, null)));
        Assert.Equal(
            "Server daily image limit reached: 100/100 images; resets at 00:00 UTC, in 3 h",
            Check(settings, TestJobs.Request(count: 1), new UsageSnapshot(0, 100, 0m, null))?.Message);
        Assert.Null(Check(settings, TestJobs.Request(count: 2), new UsageSnapshot(0, 98, 0m, null)));
    }

    [Fact]
    public void Budget_refuses_an_edit_that_would_exceed_it()
    {
        var settings = GuildSettings.Default with { DailyBudgetUsd = 5.00m };

        Assert.Equal(
            new RuleRefusal(ModerationRule.DailyBudget, "Daily budget reached: $4.87 of $5.00 spent, this edit would cost $0.21; resets at 00:00 UTC, in 3 h", Midnight),
            Check(settings, TestJobs.Request(quality: "high"), new UsageSnapshot(0, 0, 4.87m, null)));
        Assert.Null(Check(settings, TestJobs.Request(quality: "medium"), new UsageSnapshot(0, 0, 4.87m, null)));
    }

    [Fact]
    public void Cooldown_refuses_until_it_has_passed_and_only_at_intake()
    {
        var settings = GuildSettings.Default with { UserCooldown = TimeSpan.FromMinutes(1) };
        var recent = new UsageSnapshot(1, 1, 0m, Evening.AddSeconds(-18));

        Assert.Equal(
            new RuleRefusal(ModerationRule.Cooldown, "Cooldown: wait 42 s before your next edit", Evening.AddSeconds(42)),
            Check(settings, TestJobs.Request(), recent));
        Assert.Null(Check(settings, TestJobs.Request(), new UsageSnapshot(1, 1, 0m, Evening.AddMinutes(-1))));
        Assert.Null(Check(settings, TestJobs.Request(), recent, CheckPoint.Submission));
        Assert.Null(Check(settings, TestJobs.Request(permissions: MemberPermissions.ManageMessages), recent));
    }

    [Fact]
    public void The_most_fundamental_rule_is_reported_first()
    {
        var settings = GuildSettings.Default with { DeniedChannelIds = [TestJobs.Channel], MaxCount = 1, UserCooldown = TimeSpan.FromHours(1) };

        Assert.Equal(ModerationRule.DeniedChannel, Check(settings, TestJobs.Request(count: 5), new UsageSnapshot(0, 0, 0m, Evening))?.Rule);
    }

    [Fact]
    public void Usage_is_needed_only_when_a_usage_rule_is_set()
    {
        Assert.False(RuleEvaluator.NeedsUsage(GuildSettings.Default with { MaxCount = 2, DeniedChannelIds = [1] }));
        Assert.True(RuleEvaluator.NeedsUsage(GuildSettings.Default with { UserCooldown = TimeSpan.FromSeconds(5) }));
        Assert.True(RuleEvaluator.NeedsUsage(GuildSettings.Default with { DailyBudgetUsd = 1m }));
    }
}

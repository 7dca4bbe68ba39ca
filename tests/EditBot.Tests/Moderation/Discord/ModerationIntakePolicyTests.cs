using System.Text.Json.Nodes;
using EditBot.Bot.Intake;
using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Moderation.Discord;
using EditBot.Origin;
using EditBot.Tests.Moderation.Discord.Support;

namespace EditBot.Tests.Moderation.Discord;

public sealed class ModerationIntakePolicyTests : IAsyncLifetime
{
    private ModerationDiscordHarness h = null!;

    public async Task InitializeAsync() => h = await ModerationDiscordHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task The_moderation_policy_replaces_the_default()
    {
        Assert.IsType<ModerationIntakePolicy>(h.Get<IIntakePolicy>());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Blocklisted_prompt_is_refused_with_the_rule_and_audited_without_pings()
    {
        var audit = h.Discord.AddChannel(guildId: ModerationDiscordHarness.Guild);
        await h.ConfigureAsync(s => BlocklistEditor.Add(s, BlocklistEntryKind.Word, "gore", 1, h.Time.GetUtcNow()).Settings with { AuditChannelId = audit.Id });

        var decision = await CheckAsync(Context("add G.O.R.E everywhere <@123>"));

        Assert.True(decision.IsRefused);
        Assert.Contains("gore", decision.RefusalMessage, StringComparison.OrdinalIgnoreCase);
        await h.WaitForAuditPostsAsync(audit.Id, 1);
        var line = Assert.Single(h.Discord.MessagesIn(audit.Id)).Content;
        Assert.StartsWith("**Refused** · no job", line, StringComparison.Ordinal);
        var post = h.Discord.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{audit.Id}/messages", StringComparison.Ordinal));
        Assert.Empty(JsonNode.Parse(post.Body!)!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Daily_limit_refusal_says_the_numbers_and_when_it_resets()
    {
        await h.ConfigureAsync(s => s with { UserDailyEditLimit = 0 });
        var decision = await CheckAsync(Context("a hat"));
        Assert.StartsWith("Daily limit reached: 0/0 edits; resets at 00:00 UTC, in 15 h (<t:", decision.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_mode_sends_requests_to_review_and_records_the_context_for_the_submission_check()
    {
        await h.ConfigureAsync(s => s with { Review = new ReviewSettings { Enabled = true, ChannelId = 5 }, ResultsAsSpoilers = true });
        var decision = await CheckAsync(Context("a hat") with { RoleIds = [42] });

        Assert.False(decision.IsRefused);
        Assert.True(decision.NeedsReview);
        Assert.True(decision.ResultsAsSpoilers);
        var context = JobOrigins.Read(JobOrigins.ForDiscord(new DiscordOrigin { UserId = 1, GuildId = 1 }, decision.Moderation)).Moderation;
        Assert.NotNull(context);
        Assert.Equal((ModerationDiscordHarness.Guild, 42UL), (context.GuildId, context.RoleIds.Single()));
    }

    [Fact]
    public async Task Administrators_skip_review_because_they_could_approve_it_themselves()
    {
        await h.ConfigureAsync(s => s with { Review = new ReviewSettings { Enabled = true, ChannelId = 5 } });
        var decision = await CheckAsync(Context("a hat") with { Permissions = 1UL << 3 });
        Assert.False(decision.NeedsReview);
    }

    [Fact]
    public async Task Direct_messages_have_no_server_rules()
    {
        await h.ConfigureAsync(s => s with { UserDailyEditLimit = 0 });
        var decision = await CheckAsync(Context("a hat") with { GuildId = null });
        Assert.Same(IntakeDecision.Allow, decision);
    }

    // Review of issue 10: a press outside the server reused the source job's snapshot of the presser's roles and
    // permissions, which never expires. Old code: a member who had Manage Server when the source job was made still
    // skipped review on a DM re-roll after being demoted (NeedsReview false).
    [Fact]
    public async Task A_request_from_a_results_buttons_in_a_dm_meets_the_servers_rules_without_the_sources_roles_or_permissions()
    {
        await h.ConfigureAsync(s => s with { Review = new ReviewSettings { Enabled = true, ChannelId = 5 } });
        var snapshot = new ModerationContext(ModerationDiscordHarness.Guild, 1210000000000000001, null, ModerationDiscordHarness.Requester, [42], MemberPermissions.ManageServer);
        var source = EditBot.Tests.Moderation.Support.TestJobs.Create(h.Time.GetUtcNow(), context: snapshot);

        var decision = await CheckAsync(Context("a hat") with { GuildId = null, Source = source });

        Assert.True(decision.NeedsReview);
        var kept = JobOrigins.Read(JobOrigins.ForDiscord(new DiscordOrigin { UserId = 1, GuildId = 1 }, decision.Moderation)).Moderation;
        Assert.NotNull(kept);
        Assert.Equal((ModerationDiscordHarness.Guild, 0, MemberPermissions.None, true), (kept.GuildId, kept.RoleIds.Count, kept.Permissions, kept.DirectMessage));
    }

    [Fact]
    public async Task Server_defaults_fill_in_size_and_quality_and_a_maximum_quality_is_the_default_quality()
    {
        var defaults = h.Get<GuildImageDefaults>();
        Assert.Equal((null, null), await defaults.GetAsync(null, CancellationToken.None));
        await h.ConfigureAsync(s => s with { DefaultSize = "1024x1536", MaxQuality = "medium" });
        Assert.Equal(("1024x1536", "medium"), await defaults.GetAsync(ModerationDiscordHarness.Guild, CancellationToken.None));
        await h.ConfigureAsync(s => s with { DefaultQuality = "low" });
        Assert.Equal(("1024x1536", "low"), await defaults.GetAsync(ModerationDiscordHarness.Guild, CancellationToken.None));
        Assert.Equal(("1024x1536", "low"), await ((ModerationIntakePolicy)h.Get<IIntakePolicy>()).DefaultsAsync(ModerationDiscordHarness.Guild, CancellationToken.None));
    }

    private static IntakeContext Context(string prompt) =>
        new(ModerationDiscordHarness.Guild, 1210000000000000001, null, ModerationDiscordHarness.Requester, [], 0, prompt, 1, "high", "1024x1024");

    private async Task<IntakeDecision> CheckAsync(IntakeContext context) =>
        await h.Get<IIntakePolicy>().CheckAsync(context, CancellationToken.None);
}

using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Tests.Moderation.Support;

namespace EditBot.Tests.Moderation;

public sealed class ModerationServiceTests
{
    private readonly ModerationHarness harness = new();

    private Task<ModerationVerdict> IntakeAsync(ModerationRequest? request = null) =>
        harness.Service.CheckIntakeAsync(request ?? TestJobs.Request(), CancellationToken.None);

    [Fact]
    public async Task A_budget_exhausted_mid_day_refuses_the_next_request_until_the_next_utc_day()
    {
        await harness.ConfigureAsync(s => s with { DailyBudgetUsd = 1.00m });

        // Four high-quality square edits ($0.211 each) fit in $1.00; the fifth would not.
        for (var i = 0; i < 4; i++)
        {
            var verdict = await IntakeAsync();
            Assert.True(verdict.IsAllowed, verdict.Refusal?.Message);
            harness.Jobs.Add(TestJobs.Create(harness.Time.GetUtcNow()));
            harness.Time.Advance(TimeSpan.FromMinutes(30));
        }

        var refused = await IntakeAsync();

        Assert.Equal(ModerationRule.DailyBudget, refused.Refusal?.Rule);
        Assert.Equal("Daily budget reached: $0.84 of $1.00 spent, this edit would cost $0.21; resets at 00:00 UTC, in 13 h", refused.Refusal?.Message);
        Assert.True((await IntakeAsync(TestJobs.Request(quality: "low"))).IsAllowed);

        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 0, 1, TimeSpan.Zero));
        Assert.True((await IntakeAsync()).IsAllowed);
    }

    [Fact]
    public async Task Only_jobs_that_may_have_cost_money_or_are_still_on_their_way_count_at_intake()
    {
        await harness.ConfigureAsync(s => s with { UserDailyEditLimit = 2 });
        var now = harness.Time.GetUtcNow();
        harness.Jobs.Add(TestJobs.Create(now.AddDays(-1)));
        harness.Jobs.Add(TestJobs.Create(now, JobState.Rejected, submitted: false));
        harness.Jobs.Add(TestJobs.Create(now, JobState.Failed, submitted: false));
        harness.Jobs.Add(TestJobs.Create(now, JobState.Cancelled, submitted: false));
        harness.Jobs.Add(TestJobs.Create(now, user: 999));
        harness.Jobs.Add(TestJobs.Create(now, guild: 555));
        harness.Jobs.Add(TestJobs.Create(now, JobState.Failed, submitted: true));

        Assert.True((await IntakeAsync()).IsAllowed);

        harness.Jobs.Add(TestJobs.Create(now, JobState.AwaitingApproval, submitted: false));
        Assert.Equal("Daily limit reached: 2/2 edits; resets at 00:00 UTC, in 15 h", (await IntakeAsync()).Refusal?.Message);
    }

    // Old code: usage counted a job on the day it was created, so yesterday's request approved and submitted after
    // midnight was free today (the limit allowed a second edit), while one spent yesterday would have counted then.
    [Fact]
    public async Task Spend_counts_on_the_day_it_was_spent_not_the_day_the_request_was_made()
    {
        await harness.ConfigureAsync(s => s with { UserDailyEditLimit = 1 });
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 20, 0, TimeSpan.Zero));
        var askedYesterday = new DateTimeOffset(2026, 3, 10, 23, 50, 0, TimeSpan.Zero);
        var approvedAfterMidnight = new DateTimeOffset(2026, 3, 11, 0, 10, 0, TimeSpan.Zero);
        harness.Jobs.Add(TestJobs.Create(askedYesterday) with
        {
            SubmitIntentAt = approvedAfterMidnight, SubmittedAt = approvedAfterMidnight, UpdatedAt = approvedAfterMidnight.AddMinutes(1),
        });

        Assert.Equal(ModerationRule.UserDailyLimit, (await IntakeAsync()).Refusal?.Rule);

        // The same request spent before midnight belongs to yesterday.
        harness.Jobs.Clear();
        harness.Jobs.Add(TestJobs.Create(askedYesterday) with { UpdatedAt = approvedAfterMidnight });
        Assert.True((await IntakeAsync()).IsAllowed);
    }

    // The submission gate judges a job against the day its intent is recorded; the POST that follows may land after
    // midnight. Old code counted such a job on its SubmittedAt day, so it was charged to yesterday's budget by the gate
    // and to today's by every later check: one edit counted twice, on two days.
    [Fact]
    public async Task A_job_whose_intent_was_recorded_before_midnight_counts_on_that_day_even_if_the_post_landed_after()
    {
        await harness.ConfigureAsync(s => s with { UserDailyEditLimit = 1 });
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 20, 0, TimeSpan.Zero));
        var intent = new DateTimeOffset(2026, 3, 10, 23, 59, 58, TimeSpan.Zero);
        var posted = new DateTimeOffset(2026, 3, 11, 0, 0, 2, TimeSpan.Zero);
        harness.Jobs.Add(TestJobs.Create(intent.AddMinutes(-1)) with { SubmitIntentAt = intent, SubmittedAt = posted, UpdatedAt = posted });

        Assert.True((await IntakeAsync()).IsAllowed);
    }

    [Fact]
    public async Task A_reservation_waiting_for_review_since_yesterday_counts_today()
    {
        await harness.ConfigureAsync(s => s with { UserDailyEditLimit = 1 });
        harness.Jobs.Add(TestJobs.Create(harness.Time.GetUtcNow().AddDays(-2), JobState.AwaitingApproval, submitted: false));

        Assert.Equal(ModerationRule.UserDailyLimit, (await IntakeAsync()).Refusal?.Rule);
    }

    [Fact]
    public async Task Cooldown_uses_the_members_last_request_even_from_yesterday()
    {
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 0, 10, TimeSpan.Zero));
        await harness.ConfigureAsync(s => s with { UserCooldown = TimeSpan.FromMinutes(1) });
        harness.Jobs.Add(TestJobs.Create(harness.Time.GetUtcNow().AddSeconds(-20), JobState.Queued, submitted: false));

        Assert.Equal("Cooldown: wait 40 s before your next edit", (await IntakeAsync()).Refusal?.Message);
        Assert.True((await IntakeAsync(TestJobs.Request(user: 301))).IsAllowed);

        harness.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.True((await IntakeAsync()).IsAllowed);
    }

    [Fact]
    public async Task Review_mode_sends_members_to_review_but_not_reviewers()
    {
        await harness.ConfigureAsync(s => s with { Review = new ReviewSettings { Enabled = true, ChannelId = 900, ReviewerRoleId = 77 } });

        var member = await IntakeAsync();
        var reviewer = await IntakeAsync(TestJobs.Request(roles: [77]));
        var admin = await IntakeAsync(TestJobs.Request(permissions: MemberPermissions.ManageServer));

        Assert.True(member.IsAllowed);
        Assert.True(member.NeedsReview);
        Assert.Equal(0.211m, member.Cost.TotalUsd);
        Assert.False(reviewer.NeedsReview);
        Assert.False(admin.NeedsReview);
    }

    [Fact]
    public async Task Review_mode_without_a_review_channel_refuses_with_a_clear_message()
    {
        await harness.KeyValues.SetAsync(OriginKeys.Guild(TestJobs.Guild), "settings", """{"review":{"enabled":true}}""", CancellationToken.None);

        var verdict = await IntakeAsync();

        Assert.Equal(ModerationRule.ReviewNotConfigured, verdict.Refusal?.Rule);
        Assert.Equal("This server reviews edits before they run, but no review channel is set; ask a server admin to set one.", verdict.Refusal?.Message);
    }

    [Fact]
    public async Task Without_usage_rules_the_job_store_is_not_read()
    {
        await harness.ConfigureAsync(s => s with { MaxCount = 4 });
        harness.Jobs.Add(TestJobs.Create(harness.Time.GetUtcNow()) with { Origin = new JobOrigin("discord", "discord:300", "guild:100", "not json") });

        Assert.True((await IntakeAsync()).IsAllowed);
    }
}

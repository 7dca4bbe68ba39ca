using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Tests.Moderation.Support;

namespace EditBot.Tests.Moderation;

/// <summary>
/// The operator's rules (configuration "Moderation"): everywhere, before a server's, nobody exempt. Old code had no
/// such rules: a DM request met no rule at all and a server request only its server's.
/// </summary>
public sealed class OperatorRulesTests
{
    private static OperatorRequest Dm(string prompt = "a red bicycle", ulong user = TestJobs.User) => new(user, true, prompt, 1, "high", "1024x1024");

    [Fact]
    public async Task Direct_messages_denied_refuse_a_dm_request_and_leave_server_requests_alone()
    {
        var harness = new ModerationHarness(options: new ModerationOptions { DirectMessages = DirectMessagePolicy.Deny });

        var refusal = await harness.Operator.CheckAsync(Dm(), CheckPoint.Intake, null, CancellationToken.None);

        Assert.Equal(ModerationRule.DirectMessagesDenied, refusal?.Rule);
        Assert.True((await harness.Service.CheckIntakeAsync(TestJobs.Request(), CancellationToken.None)).IsAllowed);
    }

    [Fact]
    public async Task The_global_daily_limit_counts_a_persons_edits_in_every_server_and_dm_and_exempts_no_admin()
    {
        var harness = new ModerationHarness(options: new ModerationOptions { GlobalDailyEditsPerUser = 2 });
        var now = harness.Time.GetUtcNow();
        harness.Jobs.Add(TestJobs.Create(now.AddHours(-1), guild: 555));
        Assert.Null(await harness.Operator.CheckAsync(Dm(), CheckPoint.Intake, null, CancellationToken.None));
        harness.Jobs.Add(TestJobs.Create(now.AddHours(-1), guild: 777));

        var inDm = await harness.Operator.CheckAsync(Dm(), CheckPoint.Intake, null, CancellationToken.None);
        var asAdmin = await harness.Service.CheckIntakeAsync(
            TestJobs.Request() with { Permissions = MemberPermissions.ManageServer }, CancellationToken.None);

        Assert.Equal("Daily limit reached: 2/2 edits across every server and DM; resets at 00:00 UTC, in 15 h", inDm?.Message);
        Assert.Equal(ModerationRule.GlobalDailyLimit, asAdmin.Refusal?.Rule);
        Assert.Null(await harness.Operator.CheckAsync(Dm(user: 999), CheckPoint.Intake, null, CancellationToken.None));
    }

    [Fact]
    public async Task The_global_budget_counts_what_every_server_and_dm_spent_today()
    {
        var harness = new ModerationHarness(options: new ModerationOptions { GlobalDailyBudgetUsd = 0.50m });
        var now = harness.Time.GetUtcNow();
        harness.Jobs.Add(TestJobs.Create(now.AddHours(-2), guild: 555, user: 1));
        harness.Jobs.Add(TestJobs.Create(now.AddHours(-1), guild: 777, user: 2));
        harness.Jobs.Add(TestJobs.Create(now.AddDays(-1), guild: 777, user: 3));

        var refusal = await harness.Operator.CheckAsync(Dm(), CheckPoint.Intake, null, CancellationToken.None);

        Assert.Equal(ModerationRule.GlobalDailyBudget, refusal?.Rule);
        Assert.Null(await harness.Operator.CheckAsync(Dm() with { Quality = "low" }, CheckPoint.Intake, null, CancellationToken.None));
    }

    [Theory]
    [InlineData("a FORBIDDEN castle")]
    [InlineData("a f0rb1dden castle")]
    [InlineData("a f o r b i d d e n castle")]
    public async Task The_global_blocklist_matches_like_a_servers_and_applies_in_servers_too(string prompt)
    {
        var harness = new ModerationHarness(options: new ModerationOptions { GlobalBlocklist = ["forbidden"] });

        Assert.Equal(ModerationRule.GlobalBlocklist, (await harness.Operator.CheckAsync(Dm(prompt), CheckPoint.Intake, null, CancellationToken.None))?.Rule);
        Assert.Equal(ModerationRule.GlobalBlocklist, (await harness.Service.CheckIntakeAsync(TestJobs.Request() with { Prompt = prompt }, CancellationToken.None)).Refusal?.Rule);
        Assert.Null(await harness.Operator.CheckAsync(Dm("a castle"), CheckPoint.Intake, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_dm_job_meets_the_operators_rules_again_before_its_submit()
    {
        var harness = new ModerationHarness(options: new ModerationOptions { GlobalDailyEditsPerUser = 1 });
        var now = harness.Time.GetUtcNow();
        harness.Jobs.Add(TestJobs.Create(now.AddHours(-1), guild: 555));
        var dmJob = harness.Jobs.Add(TestJobs.Create(now, JobState.Submitting, submitted: false) with
        {
            Origin = new JobOrigin("discord", OriginKeys.User(TestJobs.User), null, "{}"),
        });

        var failure = await harness.Gate.CheckAsync(dmJob, CancellationToken.None);

        Assert.Equal(FailureCode.PolicyRefused, failure?.Code);
        Assert.StartsWith("Daily limit reached: 1/1 edits across every server and DM", failure?.Message, StringComparison.Ordinal);
    }
}

using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Origin;
using EditBot.Tests.Moderation.Support;

namespace EditBot.Tests.Moderation;

public sealed class ModerationSubmissionGateTests
{
    private readonly ModerationHarness harness = new();

    private Job QueuedJob(string prompt = "a red bicycle", int count = 1) =>
        harness.Jobs.Add(TestJobs.Create(harness.Time.GetUtcNow(), JobState.Preparing, prompt: prompt, count: count, submitted: false));

    [Fact]
    public async Task A_blocklist_entry_added_after_intake_refuses_the_job_before_submission()
    {
        var request = TestJobs.Request(prompt: "a giant spider");
        Assert.True((await harness.Service.CheckIntakeAsync(request, CancellationToken.None)).IsAllowed);
        var job = QueuedJob(prompt: "a giant spider");

        await harness.ConfigureAsync(s => BlocklistEditor.Add(s, BlocklistEntryKind.Word, "spider", 1, harness.Time.GetUtcNow()).Settings);
        var failure = await harness.Gate.CheckAsync(job, CancellationToken.None);

        Assert.Equal(new JobFailure(FailureCode.PolicyRefused, "Your prompt matches the server's blocklist entry “spider”."), failure);
    }

    [Fact]
    public async Task A_limit_raised_after_intake_lets_the_job_through()
    {
        await harness.ConfigureAsync(s => s with { MaxCount = 1 });
        Assert.Equal(ModerationRule.MaxCount, (await harness.Service.CheckIntakeAsync(TestJobs.Request(count: 3), CancellationToken.None)).Refusal?.Rule);

        await harness.ConfigureAsync(s => s with { MaxCount = 4 });

        Assert.Null(await harness.Gate.CheckAsync(QueuedJob(count: 3), CancellationToken.None));
    }

    [Fact]
    public async Task The_job_being_checked_does_not_count_against_itself()
    {
        await harness.ConfigureAsync(s => s with { UserDailyEditLimit = 1, ServerDailyImageLimit = 1, DailyBudgetUsd = 0.211m });
        var job = QueuedJob() with { SubmitIntentAt = harness.Time.GetUtcNow(), State = JobState.Submitting };
        harness.Jobs.Add(job);

        Assert.Null(await harness.Gate.CheckAsync(job, CancellationToken.None));
    }

    [Fact]
    public async Task At_submission_only_jobs_already_sent_count_so_waiting_jobs_do_not_block_each_other()
    {
        await harness.ConfigureAsync(s => s with { DailyBudgetUsd = 0.50m });
        var first = QueuedJob();
        var second = QueuedJob();

        Assert.Null(await harness.Gate.CheckAsync(first, CancellationToken.None));
        harness.Jobs.Add(first with { State = JobState.Polling, Submissions = 1, SubmitIntentAt = harness.Time.GetUtcNow() });
        Assert.Null(await harness.Gate.CheckAsync(second, CancellationToken.None));
        harness.Jobs.Add(second with { State = JobState.Done, Submissions = 1, SubmitIntentAt = harness.Time.GetUtcNow() });

        var failure = await harness.Gate.CheckAsync(QueuedJob(), CancellationToken.None);
        Assert.Equal("Daily budget reached: $0.42 of $0.50 spent, this edit would cost $0.21; resets at 00:00 UTC, in 15 h", failure?.Message);
    }

    [Fact]
    public async Task Cooldown_is_not_checked_again_at_submission()
    {
        await harness.ConfigureAsync(s => s with { UserCooldown = TimeSpan.FromHours(1) });
        harness.Jobs.Add(TestJobs.Create(harness.Time.GetUtcNow().AddMinutes(-1)));

        Assert.Null(await harness.Gate.CheckAsync(QueuedJob(), CancellationToken.None));
    }

    [Fact]
    public async Task A_channel_denied_after_intake_refuses_using_the_stored_context()
    {
        var job = QueuedJob();
        await harness.ConfigureAsync(s => s with { DeniedChannelIds = [TestJobs.Channel] });

        Assert.Equal(FailureCode.PolicyRefused, (await harness.Gate.CheckAsync(job, CancellationToken.None))?.Code);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"output\":\"/tmp/x\"}")]
    [InlineData("not json")]
    public async Task Jobs_without_a_moderation_context_pass(string data)
    {
        await harness.ConfigureAsync(s => s with { MaxCount = 1 });
        var job = QueuedJob(count: 5) with { Origin = new JobOrigin("cli", "cli:me", null, data) };

        Assert.Null(await harness.Gate.CheckAsync(job, CancellationToken.None));
    }

    [Fact]
    public void The_context_round_trips_through_origin_data()
    {
        var context = new ModerationContext(1, 2, 3, 4, [5, 6], MemberPermissions.ManageMessages);
        var origin = JobOrigins.ForDiscord(new DiscordOrigin { UserId = 4, GuildId = 1, InteractionToken = "kept" }, context);

        var read = new OriginModerationContextReader().Read(origin);
        Assert.NotNull(read);
        Assert.Equal(context with { RoleIds = read.RoleIds }, read);
        Assert.Equal([5ul, 6ul], read.RoleIds);
        Assert.Equal("kept", JobOrigins.Read(origin).Discord?.InteractionToken);
    }
}

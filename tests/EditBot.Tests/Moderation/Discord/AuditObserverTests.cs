using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Moderation.Discord;
using EditBot.Moderation;
using EditBot.Tests.Moderation.Discord.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport;

namespace EditBot.Tests.Moderation.Discord;

public sealed class AuditObserverTests : IAsyncLifetime
{
    private ModerationDiscordHarness h = null!;
    private FakeChannel audit = null!;

    public async Task InitializeAsync()
    {
        h = await ModerationDiscordHarness.StartAsync();
        audit = h.Discord.AddChannel(guildId: ModerationDiscordHarness.Guild);
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Theory]
    [InlineData(JobState.Received, JobState.Queued, "x", AuditEventKind.Requested)]
    [InlineData(JobState.Received, JobState.AwaitingApproval, "x", AuditEventKind.AwaitingReview)]
    [InlineData(JobState.AwaitingApproval, JobState.Queued, "x", AuditEventKind.Approved)]
    [InlineData(JobState.AwaitingApproval, JobState.Rejected, "Rejected by reviewer 5", AuditEventKind.Rejected)]
    [InlineData(JobState.AwaitingApproval, JobState.Rejected, "Expired: too late", AuditEventKind.Expired)]
    [InlineData(JobState.Queued, JobState.Cancelled, "x", AuditEventKind.Cancelled)]
    [InlineData(JobState.Delivering, JobState.Done, "x", AuditEventKind.Completed)]
    [InlineData(JobState.Polling, JobState.Failed, "x", AuditEventKind.Failed)]
    [InlineData(JobState.Queued, JobState.Preparing, "x", null)]
    [InlineData(JobState.Polling, JobState.Polling, "note", null)]
    public void Requests_decisions_and_outcomes_are_audited_and_steps_are_not(JobState from, JobState to, string reason, AuditEventKind? expected) =>
        Assert.Equal(expected, AuditObserver.KindOf(new JobEvent(Guid.NewGuid(), DateTimeOffset.UnixEpoch, from, to, reason)));

    [Fact]
    public async Task Request_and_decision_lines_name_job_requester_place_cost_and_reviewer()
    {
        await h.ConfigureAsync(s => s with { AuditChannelId = audit.Id, Review = new ReviewSettings { Enabled = true, ChannelId = 999 } });
        var job = await h.EnqueueAsync("a blue hat");
        await h.Get<ReviewDecisions>().RejectAsync(job.Id, 55, "off topic", CancellationToken.None);
        await h.WaitForAuditPostsAsync(audit.Id, 2);

        var lines = h.Discord.MessagesIn(audit.Id).Select(m => m.Content).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith($"**AwaitingReview** · job `{job.Id}` · <@{ModerationDiscordHarness.Requester}> in <#1210000000000000001> · est. $0.21", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("prompt: “a blue hat”", lines[0], StringComparison.Ordinal);
        Assert.Contains("**Rejected**", lines[1], StringComparison.Ordinal);
        Assert.Contains("by <@55> · off topic", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_audited_while_the_host_stops_are_still_posted()
    {
        await h.ConfigureAsync(s => s with { AuditChannelId = audit.Id });
        var poster = h.Get<AuditPostingService>();

        await poster.StopAsync(CancellationToken.None); // the host stops the poster before the engine (reverse registration)
        await h.EnqueueAsync(needsReview: false);       // ... and the engine still audits while it finishes
        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await poster.StoppedAsync(shutdownTimeout.Token);

        Assert.Single(h.Discord.MessagesIn(audit.Id));
    }

    [Fact]
    public async Task Servers_without_an_audit_channel_get_no_posts_and_get_them_once_one_is_set()
    {
        var unaudited = await h.EnqueueAsync("before the audit channel", needsReview: false);
        await h.WhenAuditSettledAsync(); // posts are made in the background: wait until every queued one was tried
        await h.ConfigureAsync(s => s with { AuditChannelId = audit.Id });
        var audited = await h.EnqueueAsync("after the audit channel", needsReview: false);
        await h.WaitForAuditPostsAsync(audit.Id, 1);
        await h.WhenAuditSettledAsync();

        // At the wire: one message post in all, the second job's, and nothing for the job made before the channel was set.
        var posts = h.Discord.Requests.Where(r => r.Method == "POST" && r.RouteKey == "POST /channels/{channel_id}/messages").ToList();
        Assert.Single(posts);
        var line = Assert.Single(h.Discord.MessagesIn(audit.Id)).Content;
        Assert.Contains(audited.Id.ToString(), line, StringComparison.Ordinal);
        Assert.DoesNotContain(unaudited.Id.ToString(), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_post_that_fails_does_not_fail_the_job()
    {
        await h.ConfigureAsync(s => s with { AuditChannelId = audit.Id });
        h.Discord.ForbidChannel(audit.Id);
        var job = await h.EnqueueAsync(needsReview: false);
        // The post is made in the background: wait until Discord refused it, then check the job did not care.
        await Eventually.WaitUntilAsync(
            () => h.Discord.Requests.Any(r => r.Method == "POST" && r.Path.Contains($"/channels/{audit.Id}/messages", StringComparison.Ordinal) && r.Status == 403),
            "the refused audit post");
        await h.WhenAuditSettledAsync();
        Assert.Equal(JobState.Queued, (await h.Jobs.GetAsync(job.Id, CancellationToken.None))!.State);
        Assert.Empty(h.Discord.MessagesIn(audit.Id));
    }

    [Fact]
    public void Review_reasons_carry_the_reviewer_and_their_reason()
    {
        Assert.True(ReviewReason.TryReadDecision(ReviewReason.Rejected(42, "  not here "), out var who, out var why));
        Assert.Equal((42UL, "not here"), (who, why));
        Assert.True(ReviewReason.TryReadDecision(ReviewReason.Approved(7), out who, out why));
        Assert.Equal((7UL, (string?)null), (who, why));
        Assert.False(ReviewReason.TryReadDecision("Cancelled by user", out _, out _));
        Assert.True(ReviewReason.IsExpiry(ReviewReason.Expired("late")));
    }
}

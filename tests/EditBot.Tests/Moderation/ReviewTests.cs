using System.Collections.Concurrent;
using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Origin;
using EditBot.Tests.Moderation.Support;
using EditBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditBot.Tests.Moderation;

public sealed class ReviewTests
{
    private readonly ModerationHarness harness = new();
    private readonly RecordingExpiryHandler handler = new();

    private static readonly GuildSettings Reviewed = GuildSettings.Default with
    {
        Review = new ReviewSettings { Enabled = true, ChannelId = 900, ReviewerRoleId = 77 },
    };

    private ExpiredReviewSweeper Sweeper() =>
        new(harness.Jobs, harness.Settings, new OriginModerationContextReader(), handler, harness.Time, NullLogger<ExpiredReviewSweeper>.Instance);

    [Fact]
    public void Reviewers_are_the_reviewer_role_and_server_managers()
    {
        Assert.True(ReviewPolicy.MayReview(Reviewed, [77], MemberPermissions.None));
        Assert.True(ReviewPolicy.MayReview(Reviewed, [], MemberPermissions.ManageServer));
        Assert.False(ReviewPolicy.MayReview(Reviewed, [78], MemberPermissions.ManageMessages));
    }

    [Fact]
    public void Only_members_who_cannot_review_wait_for_review_and_only_in_review_mode()
    {
        Assert.True(ReviewPolicy.NeedsReview(Reviewed, [1], MemberPermissions.None));
        Assert.False(ReviewPolicy.NeedsReview(Reviewed, [77], MemberPermissions.None));
        Assert.False(ReviewPolicy.NeedsReview(GuildSettings.Default, [1], MemberPermissions.None));
    }

    [Fact]
    public void A_request_expires_after_the_configured_time_and_cannot_be_decided_after()
    {
        var job = TestJobs.Create(ModerationHarness.Morning, JobState.AwaitingApproval, submitted: false);
        var settings = Reviewed with { Review = Reviewed.Review with { Expiry = TimeSpan.FromHours(2) } };

        Assert.Equal(ModerationHarness.Morning.AddHours(2), ReviewPolicy.ExpiresAt(job, settings));
        Assert.True(ReviewPolicy.CanDecide(job, settings, ModerationHarness.Morning.AddHours(2).AddTicks(-1)));
        Assert.False(ReviewPolicy.CanDecide(job, settings, ModerationHarness.Morning.AddHours(2)));
        Assert.False(ReviewPolicy.CanDecide(job with { State = JobState.Queued }, settings, ModerationHarness.Morning));
    }

    [Fact]
    public async Task The_sweeper_expires_only_requests_older_than_their_servers_expiry()
    {
        await harness.ConfigureAsync(_ => Reviewed);
        var old = harness.Jobs.Add(TestJobs.Create(ModerationHarness.Morning.AddHours(-25), JobState.AwaitingApproval, submitted: false));
        harness.Jobs.Add(TestJobs.Create(ModerationHarness.Morning.AddHours(-23), JobState.AwaitingApproval, submitted: false));
        harness.Jobs.Add(TestJobs.Create(ModerationHarness.Morning.AddHours(-30), JobState.Queued, submitted: false));

        var expired = await Sweeper().SweepAsync(CancellationToken.None);

        Assert.Equal(1, expired);
        var (job, message) = Assert.Single(handler.Expired);
        Assert.Equal(old.Id, job.Id);
        Assert.Equal("This edit request expired: nobody reviewed it within 24 h.", message);
    }

    [Fact]
    public async Task A_shorter_configured_expiry_applies_and_a_failing_handler_does_not_stop_the_sweep()
    {
        await harness.ConfigureAsync(_ => Reviewed with { Review = Reviewed.Review with { Expiry = TimeSpan.FromMinutes(30) } });
        var first = harness.Jobs.Add(TestJobs.Create(ModerationHarness.Morning.AddHours(-2), JobState.AwaitingApproval, submitted: false));
        harness.Jobs.Add(TestJobs.Create(ModerationHarness.Morning.AddHours(-1), JobState.AwaitingApproval, submitted: false));
        handler.FailFor.Add(first.Id);

        Assert.Equal(1, await Sweeper().SweepAsync(CancellationToken.None));
        Assert.Equal("This edit request expired: nobody reviewed it within 30 min.", Assert.Single(handler.Expired).Message);
    }

    // Review of issue 11: an HTTP timeout throws TaskCanceledException although nobody cancelled the sweep. The
    // filter took any OperationCanceledException for shutdown. Old code: the exception left the sweep, so the request
    // after the timed-out one was not expired (and the service's loop ended).
    [Fact]
    public async Task A_timed_out_expiry_call_does_not_end_the_sweep()
    {
        await harness.ConfigureAsync(_ => Reviewed);
        var first = harness.Jobs.Add(TestJobs.Create(ModerationHarness.Morning.AddHours(-26), JobState.AwaitingApproval, submitted: false));
        harness.Jobs.Add(TestJobs.Create(ModerationHarness.Morning.AddHours(-25), JobState.AwaitingApproval, submitted: false));
        handler.TimeOutFor.Add(first.Id);

        Assert.Equal(1, await Sweeper().SweepAsync(CancellationToken.None));
        Assert.NotEqual(first.Id, Assert.Single(handler.Expired).Job.Id);
    }

    [Fact]
    public async Task The_service_sweeps_at_start_and_then_every_interval()
    {
        await harness.ConfigureAsync(_ => Reviewed);
        harness.Jobs.Add(TestJobs.Create(ModerationHarness.Morning.AddHours(-25), JobState.AwaitingApproval, submitted: false));
        var service = new ReviewExpiryService(Sweeper(), harness.Time, harness.Options, NullLogger<ReviewExpiryService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => handler.Expired.Count == 1, "the expiry at start");

        // Not yet expired at start; expired once the clock moves an hour (one sweep interval or more) on.
        var later = harness.Jobs.Add(TestJobs.Create(ModerationHarness.Morning.AddHours(-23).AddSeconds(-30), JobState.AwaitingApproval, submitted: false));
        Assert.DoesNotContain(handler.Expired, e => e.Job.Id == later.Id);
        harness.Time.Advance(TimeSpan.FromHours(1));
        await Eventually.WaitUntilAsync(() => handler.Expired.Any(e => e.Job.Id == later.Id), "the expiry an hour later");
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Review_texts_tell_who_what_and_when()
    {
        var request = TestJobs.Request(prompt: "make it *bold*");
        var text = ReviewMessages.ReviewRequest(request, new CostEstimator().Estimate("high", "1024x1024", 1), DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        Assert.Equal("Edit request from <@300> in <#200>\nPrompt: make it \\*bold\\*\nEstimated cost: $0.21 (1 × $0.211, high, square)\nExpires <t:1800000000:R>", text);
        Assert.Equal("Your edit was rejected by <@9>: too gory", ReviewMessages.Rejected(9, " too gory "));
        Assert.Equal("Approved by <@9>; your edit is queued.", ReviewMessages.Approved(9));
    }

    private sealed class RecordingExpiryHandler : IReviewExpiryHandler
    {
        public ConcurrentQueue<(Job Job, string Message)> Expired { get; } = new();

        public HashSet<Guid> FailFor { get; } = [];

        /// <summary>Jobs whose expiry call times out as an HttpClient does: TaskCanceledException, no cancellation asked.</summary>
        public HashSet<Guid> TimeOutFor { get; } = [];

        public Task ExpireAsync(Job job, string message, CancellationToken cancellationToken)
        {
            if (FailFor.Contains(job.Id))
            {
                throw new InvalidOperationException("Discord is down");
            }

            if (TimeOutFor.Contains(job.Id))
            {
                throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.");
            }

            Expired.Enqueue((job, message));
            return Task.CompletedTask;
        }
    }
}

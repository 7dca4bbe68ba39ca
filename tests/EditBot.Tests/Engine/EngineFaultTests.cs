using EditBot.Core.Engine;
using Microsoft.Extensions.DependencyInjection;
using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Gmi;

namespace EditBot.Tests.Engine;

/// <summary>
/// One job at a time through the real engine, store and GMI client against the fake queue, with one fault each.
/// Every test checks how the job ended and how many submissions the queue accepted for it.
/// </summary>
public sealed class EngineFaultTests
{
    [Fact]
    public async Task A_job_completes_and_its_images_are_written()
    {
        await using var harness = await EngineHostHarness.StartAsync();

        var job = await harness.EnqueueAsync("a stormy sky", count: 2);
        var done = await harness.WaitForEndAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(2, done.ResultBlobs.Count);
        Assert.Equal(2, Directory.GetFiles(harness.OutputFolder).Length);
        Assert.Equal(1, harness.Gmi.SubmissionsFor("a stormy sky"));
        var events = await harness.Jobs.GetEventsAsync(job.Id, CancellationToken.None);
        Assert.Equal(
            [JobState.Queued, JobState.Preparing, JobState.Submitting, JobState.Submitted, JobState.Polling, JobState.Fetching, JobState.Delivering, JobState.Done],
            events.Where(e => e.From != e.To).Select(e => e.To).ToArray());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_server_error_before_acceptance_is_looked_up_then_posted_again(int status)
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Http(status)));

        var done = await harness.WaitForEndAsync((await harness.EnqueueAsync($"server error {status}")).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(1, harness.Gmi.SubmissionsFor($"server error {status}"));
        // At the wire: POST (refused), the list looked up (nothing there), POST again.
        var calls = harness.Gmi.Log.Where(l => l.PathAndQuery.Contains("/requests", StringComparison.Ordinal) && !l.PathAndQuery.Contains("/requests/", StringComparison.Ordinal)).Select(l => l.Method).ToList();
        Assert.Equal(["POST", "GET", "POST"], calls);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_server_error_after_acceptance_is_reconciled_and_never_paid_twice(int status)
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenFail(status)));

        var done = await harness.WaitForEndAsync((await harness.EnqueueAsync($"accepted then {status}")).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(1, harness.Gmi.SubmitAttempts); // one paid POST, adopted from the list
        Assert.Equal(harness.Gmi.FindByPrompt($"accepted then {status}")!.RequestId, done.RemoteRequestId);
    }

    [Fact]
    public async Task A_submit_whose_answer_is_lost_after_acceptance_is_adopted_not_posted_again()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop()));

        var done = await harness.WaitForEndAsync((await harness.EnqueueAsync("lost answer")).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(1, harness.Gmi.SubmissionsFor("lost answer"));
        Assert.Equal(harness.Gmi.FindByPrompt("lost answer")!.RequestId, done.RemoteRequestId);
    }

    [Fact]
    public async Task A_lost_submit_that_a_crowded_request_list_cannot_rule_out_is_never_posted_again()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi =>
        {
            gmi.ListPageSize = 3;
            gmi.ListNewestFirst = false; // the one page GMI answers holds older requests only
        });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(JobState.Done, (await harness.WaitForEndAsync((await harness.EnqueueAsync($"earlier {i}")).Id)).State);
        }

        harness.Gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());
        var ended = await harness.WaitForEndAsync((await harness.EnqueueAsync("lost in a crowd")).Id);

        // One paid POST reached GMI; without evidence it was not accepted, the job says so instead of paying twice.
        Assert.Equal(1, harness.Gmi.SubmissionsFor("lost in a crowd"));
        Assert.Equal(4, harness.Gmi.Log.Count(l => l.Method == "POST" && l.PathAndQuery.EndsWith("/requests", StringComparison.Ordinal)));
        Assert.Equal(JobState.Failed, ended.State);
        Assert.Equal(FailureCode.SubmitUncertain, ended.Failure!.Code);
        Assert.StartsWith("GMI may already have accepted this edit; it was not sent again", ended.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admins_resend_of_an_uncertain_submit_posts_it_once_more_and_it_completes()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.ListPageSize = 0);
        harness.Gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());
        var uncertain = await harness.WaitForEndAsync((await harness.EnqueueAsync("send it again")).Id);
        Assert.Equal(FailureCode.SubmitUncertain, uncertain.Failure!.Code);

        var resent = await harness.Host.Services.GetRequiredService<JobService>().ResendAsync(uncertain.Id, "an admin", CancellationToken.None);
        var done = await harness.WaitForEndAsync(uncertain.Id);

        Assert.Equal(JobCommandOutcome.Applied, resent.Outcome);
        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(2, harness.Gmi.SubmissionsFor("send it again")); // the admin chose to risk paying twice
    }

    [Fact]
    public async Task Identical_edits_whose_answers_were_both_lost_each_adopt_their_own_request()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi =>
        {
            gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());
            gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());
        });
        var image = TestImages.Png(64, 48);

        var first = await harness.EnqueueAsync("twin", image: image);
        var second = await harness.EnqueueAsync("twin", image: image);
        var (a, b) = (await harness.WaitForEndAsync(first.Id), await harness.WaitForEndAsync(second.Id));

        Assert.Equal((JobState.Done, JobState.Done), (a.State, b.State));
        Assert.Equal(2, harness.Gmi.SubmissionsFor("twin"));
        Assert.NotEqual(a.RemoteRequestId, b.RemoteRequestId);
        Assert.Equal(harness.Gmi.Requests.Where(r => r.Prompt == "twin").Select(r => r.RequestId).Order(), new[] { a.RemoteRequestId, b.RemoteRequestId }.Order());
    }

    [Fact]
    public async Task A_malformed_submit_answer_is_reconciled()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Malformed()));

        var done = await harness.WaitForEndAsync((await harness.EnqueueAsync("malformed submit")).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(1, harness.Gmi.SubmissionsFor("malformed submit"));
    }

    [Fact]
    public async Task A_rate_limited_submit_waits_for_retry_after_and_then_succeeds()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.RateLimited(TimeSpan.FromSeconds(1))));

        var job = await harness.EnqueueAsync("rate limited");
        var done = await harness.WaitForEndAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(1, harness.Gmi.SubmissionsFor("rate limited"));
        var posts = harness.Gmi.Log.Where(l => l.Method == "POST" && l.PathAndQuery.EndsWith("/requests", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {posts[1].At - posts[0].At}");
    }

    [Fact]
    public async Task Server_errors_and_garbage_while_polling_are_retried()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi =>
        {
            gmi.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.Http(503));
            gmi.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.Malformed());
            gmi.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.RateLimited(TimeSpan.FromMilliseconds(200)));
            gmi.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.Http(500));
        });

        var done = await harness.WaitForEndAsync((await harness.EnqueueAsync("flaky polls")).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(1, harness.Gmi.SubmissionsFor("flaky polls"));
    }

    [Fact]
    public async Task A_slow_answer_beyond_the_timeout_is_survived()
    {
        await using var harness = await EngineHostHarness.StartAsync(
            gmi => gmi.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.Slow(TimeSpan.FromSeconds(4))),
            new Dictionary<string, string> { ["Gmi:RequestTimeout"] = "00:00:01" });

        var done = await harness.WaitForEndAsync((await harness.EnqueueAsync("slow poll")).Id);

        Assert.Equal(JobState.Done, done.State);
        // At the wire: the first poll was given up by the client (its timeout, not the 4 s answer), and polling went on.
        var polls = harness.Gmi.Log.Where(l => l.Method == "GET" && l.PathAndQuery.Contains("/requests/" + done.RemoteRequestId, StringComparison.Ordinal)).ToList();
        Assert.True(polls[0].Aborted, "the slow poll was abandoned by the client's 1 s timeout");
        Assert.True(polls.Count >= 2);
        Assert.Equal(1, harness.Gmi.SubmissionsFor("slow poll"));
    }

    [Fact]
    public async Task A_media_download_failure_is_retried()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Media, FakeGmiFault.Http(503)));

        var done = await harness.WaitForEndAsync((await harness.EnqueueAsync("flaky media")).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal([503, 200], harness.Gmi.Log.Where(l => l.PathAndQuery.StartsWith("/media/", StringComparison.Ordinal)).Select(l => l.StatusCode));
        Assert.Equal(1, harness.Gmi.SubmissionsFor("flaky media")); // the download is retried, never the paid submit
    }

    [Fact]
    public async Task A_remote_rate_limit_failure_is_resubmitted_after_a_pause()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.FailWith("Rate limit exceeded, please retry later")));

        var done = await harness.WaitForEndAsync((await harness.EnqueueAsync("remote rate limit")).Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(2, harness.Gmi.SubmissionsFor("remote rate limit"));
    }

    [Fact]
    public async Task A_content_policy_refusal_fails_once_with_its_reason()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.FailWith("moderation_blocked: Your request was rejected by the safety system")));

        var failed = await harness.WaitForEndAsync((await harness.EnqueueAsync("blocked prompt")).Id);

        Assert.Equal(JobState.Failed, failed.State);
        Assert.Equal(FailureCode.ContentPolicy, failed.Failure!.Code);
        Assert.Contains("safety system", failed.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Gmi.SubmissionsFor("blocked prompt"));
    }

    [Fact]
    public async Task Another_remote_failure_ends_the_job_with_the_apis_reason()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.FailWith("worker crashed: CUDA out of memory")));

        var failed = await harness.WaitForEndAsync((await harness.EnqueueAsync("remote failure")).Id);

        Assert.Equal(FailureCode.RemoteFailed, failed.Failure!.Code);
        Assert.Contains("CUDA out of memory", failed.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Gmi.SubmissionsFor("remote failure"));
    }

    [Fact]
    public async Task Out_of_credits_fails_the_job_saying_so()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.InsufficientCredits = true);

        var failed = await harness.WaitForEndAsync((await harness.EnqueueAsync("no credits")).Id);

        Assert.Equal(FailureCode.InsufficientCredits, failed.Failure!.Code);
        Assert.Equal(0, harness.Gmi.SubmissionsFor("no credits"));
    }

    [Fact]
    public async Task A_rejected_api_key_fails_with_a_configuration_error()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.ApiKey = "another-key");

        var failed = await harness.WaitForEndAsync((await harness.EnqueueAsync("bad key")).Id);

        Assert.Equal(FailureCode.Configuration, failed.Failure!.Code);
        Assert.Contains("Gmi:ApiKey", failed.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_request_fails_with_the_apis_reason()
    {
        await using var harness = await EngineHostHarness.StartAsync(gmi => gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Http(400, """{"error":"payload.size must be one of 1024x1024, 1024x1536, 1536x1024"}""")));

        var failed = await harness.WaitForEndAsync((await harness.EnqueueAsync("bad request")).Id);

        Assert.Equal(FailureCode.BadRequest, failed.Failure!.Code);
        Assert.Contains("payload.size must be one of", failed.Failure.Message, StringComparison.Ordinal);
    }
}

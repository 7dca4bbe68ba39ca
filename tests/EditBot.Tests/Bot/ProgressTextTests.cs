using EditBot.Bot.Components;
using EditBot.Bot.Progress;
using EditBot.Core.Jobs;
using EditBot.Origin;

namespace EditBot.Tests.Bot;

public class ProgressTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static Job Job(JobState state, DateTimeOffset? completed = null, JobFailure? failure = null) => new()
    {
        Id = Guid.NewGuid(),
        State = state,
        Request = new EditRequest("make the sky purple", "blob", null, "1536x1024", "high", 4),
        Origin = new JobOrigin("discord", "discord:1", null, "{}"),
        CreatedAt = Start,
        UpdatedAt = Start,
        CompletedAt = completed,
        Failure = failure,
    };

    [Fact]
    public void A_queued_job_shows_its_place_in_line_and_a_live_start_time()
    {
        var body = ProgressText.Render(Job(JobState.Queued), new DiscordOrigin(), 3, Start.AddSeconds(5));

        Assert.Contains("#3 in line", body.Content);
        Assert.Contains($"<t:{Start.ToUnixTimeSeconds()}:R>", body.Content);
        Assert.Contains("make the sky purple", body.Content);
        Assert.Contains("4 images, 1536x1024, quality high", body.Content);
    }

    [Fact]
    public void A_running_job_shows_elapsed_time_and_a_cancel_button()
    {
        var job = Job(JobState.Polling);
        var body = ProgressText.Render(job, new DiscordOrigin(), 0, Start.AddSeconds(75));

        Assert.Contains("Editing", body.Content);
        Assert.Contains("1 min 15 s", body.Content);
        var button = Assert.Single(Assert.Single(body.Components!).Components!);
        Assert.Equal(CustomId.ForJob(CustomId.Cancel, job.Id).ToString(), button.CustomId);
    }

    [Fact]
    public void A_finished_job_drops_the_cancel_button_and_says_where_the_results_are()
    {
        var body = ProgressText.Render(Job(JobState.Done, Start.AddSeconds(42)), new DiscordOrigin(), 0, Start.AddMinutes(5), "results in <#9>");

        Assert.Contains("Done in 42 s", body.Content);
        Assert.Contains("results in <#9>", body.Content);
        Assert.Empty(body.Components!);
    }

    [Fact]
    public void A_failed_job_shows_the_reason()
    {
        var body = ProgressText.Render(Job(JobState.Failed, Start, new JobFailure(FailureCode.ContentPolicy, "The prompt was refused")), new DiscordOrigin(), 0, Start);
        Assert.Contains("Failed: The prompt was refused", body.Content);
    }

    [Fact]
    public void Intake_notes_are_shown_under_the_status()
    {
        var body = ProgressText.Render(Job(JobState.Queued), new DiscordOrigin { IntakeNotes = ["The image was reduced"] }, 1, Start);
        Assert.Contains("-# The image was reduced", body.Content);
    }

    [Fact]
    public void A_job_waiting_for_review_says_so() =>
        Assert.Contains("review", ProgressText.Status(Job(JobState.AwaitingApproval), 0, Start));

    [Fact]
    public void Long_prompts_are_shortened_to_one_line()
    {
        var shortened = ProgressText.Shorten("line one\nline two " + new string('x', 200), 100);
        Assert.Equal(100, shortened.Length);
        Assert.DoesNotContain('\n', shortened);
        Assert.EndsWith("…", shortened);
    }
}

using EditBot.Bot.Components;
using EditBot.Bot.Delivery;
using EditBot.Bot.History;
using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Origin;
using EditBot.TestSupport.Storage;

namespace EditBot.Tests.Bot.History;

/// <summary>
/// The history answer's shape within Discord's limits for a classic message (5 action rows of at most 5 buttons, 40
/// components, unique custom_ids of at most 100 characters), and what each entry says of outcome and cost.
/// </summary>
public sealed class HistoryMessageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public async Task A_full_middle_page_fits_ten_rerolls_ten_results_and_both_page_buttons_in_five_rows()
    {
        var jobs = Enumerable.Range(0, 10).Select(i => Job(T0.AddSeconds(-i), JobState.Done, results: 2)).ToList();

        var body = await Message().RenderAsync(new HistoryPage(jobs, 2, 3, HasNewer: true, HasOlder: true), CancellationToken.None);

        var rows = body.Components!;
        Assert.Equal(5, rows.Count);
        Assert.All(rows, row => Assert.InRange(row.Components!.Count, 1, 5));
        var buttons = rows.SelectMany(r => r.Components!).ToList();
        Assert.Equal(22, buttons.Count);
        Assert.True(rows.Count + buttons.Count <= 40);
        var ids = buttons.Select(b => b.CustomId!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.InRange(id.Length, 1, CustomId.MaxLength));
        Assert.Equal(["Previous", "Next"], rows[^1].Components!.Select(b => b.Label));
        Assert.Equal(10, ids.Count(id => id.StartsWith("eb:reroll:", StringComparison.Ordinal)));
        Assert.Equal(10, ids.Count(id => id.StartsWith("eb:results:", StringComparison.Ordinal)));
        Assert.Contains("Page 2 of 3", body.Embeds![0].Footer!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_entry_says_its_outcome_and_the_cost_the_usage_report_counts_and_only_finished_results_get_a_results_button()
    {
        var done = Job(T0, JobState.Done, results: 2) with { SubmittedAt = T0, Submissions = 1 };
        var refused = Job(T0.AddSeconds(-1), JobState.Failed, results: 1) with
        {
            Submissions = 1, Failure = new JobFailure(FailureCode.DeliveryFailed, "your DMs are closed to me"),
        };
        var neverSent = Job(T0.AddSeconds(-2), JobState.Failed) with { Failure = new JobFailure(FailureCode.InputInvalid, "the image was unreadable") };
        var cancelled = Job(T0.AddSeconds(-3), JobState.Cancelled) with { CompletedAt = T0 };

        var body = await Message().RenderAsync(new HistoryPage([done, refused, neverSent, cancelled], 1, 1, false, false), CancellationToken.None);

        var lines = body.Embeds![0].Description!.Split('\n');
        var perImage = new CostEstimator().Estimate(done.Request).PerImageUsd;
        Assert.Equal($"✅ Done · 2 images · est. {Money.Format(perImage * 2)}", lines[1]);
        Assert.Equal($"📭 Not delivered: your DMs are closed to me · est. {Money.Format(perImage * 2)}", lines[3]);
        Assert.Equal("❌ Failed: the image was unreadable · no cost", lines[5]);
        Assert.StartsWith("🚫 Cancelled after", lines[7], StringComparison.Ordinal);
        var ids = body.Components!.SelectMany(r => r.Components!).Select(b => b.CustomId).ToList();
        Assert.Equal([$"eb:results:{done.Id:N}", $"eb:results:{refused.Id:N}"], ids.Where(id => id!.StartsWith("eb:results:", StringComparison.Ordinal)));
        Assert.DoesNotContain(ids, id => id!.StartsWith("eb:page:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_edits_answer_with_a_line_and_no_buttons()
    {
        var body = await Message().RenderAsync(new HistoryPage([], 1, 1, false, false), CancellationToken.None);

        Assert.Equal(HistoryMessage.Empty, body.Content);
        Assert.Empty(body.Components!);
        Assert.Empty(body.Embeds!);
    }

    private static HistoryMessage Message()
    {
        var settings = new InMemoryKeyValueStore();
        return new HistoryMessage(new JobLinks(new DeliveryRecords(settings), new ResultMessages(settings)), new CostEstimator(), TimeProvider.System);
    }

    private static Job Job(DateTimeOffset createdAt, JobState state, int results = 0) => new()
    {
        Id = Guid.NewGuid(),
        State = state,
        Request = new EditRequest("a red scarf", "img", null, "1024x1024", "high", 2),
        Origin = JobOrigins.ForDiscord(new DiscordOrigin { UserId = 1, GuildId = 2, ChannelId = 3, ProgressMessageId = 4 }),
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
        ResultBlobs = [.. Enumerable.Range(0, results).Select(i => $"result-{i}")],
    };
}

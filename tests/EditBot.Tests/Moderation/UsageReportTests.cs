using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Tests.Moderation.Support;

namespace EditBot.Tests.Moderation;

public sealed class UsageReportTests
{
    private readonly ModerationHarness harness = new();

    [Fact]
    public async Task Sums_edits_images_and_cost_per_member_and_for_the_server()
    {
        var now = harness.Time.GetUtcNow();
        harness.Jobs.Add(TestJobs.Create(now, user: 1, quality: "high", count: 2)); // 0.422
        harness.Jobs.Add(TestJobs.Create(now.AddDays(-2), user: 1, quality: "low", count: 1)); // 0.006
        harness.Jobs.Add(TestJobs.Create(now.AddDays(-1), user: 2, quality: "medium", size: "1024x1536", count: 3)); // 0.123
        harness.Jobs.Add(TestJobs.Create(now, user: 2, state: JobState.Rejected, submitted: false));
        harness.Jobs.Add(TestJobs.Create(now, user: 2, state: JobState.Queued, submitted: false));
        harness.Jobs.Add(TestJobs.Create(now.AddDays(-7), user: 1));
        harness.Jobs.Add(TestJobs.Create(now, user: 3, guild: 555));

        var report = await harness.Reports.BuildAsync(TestJobs.Guild, days: 7, userId: null, CancellationToken.None);

        Assert.Equal(new UsageTotals(3, 6, 0.551m), report.Server);
        Assert.Equal([(1ul, new UsageTotals(2, 3, 0.428m)), (2ul, new UsageTotals(1, 3, 0.123m))], report.Users);
        Assert.Equal(
            "Usage over 7 days (since 2026-03-04 00:00 UTC), estimated cost\nServer: 3 edits, 6 images, $0.55\n<@1>: 2 edits, 3 images, $0.43\n<@2>: 1 edit, 3 images, $0.12",
            report.ToText());
    }

    [Fact]
    public async Task Every_day_of_the_period_has_its_own_totals_by_the_day_each_job_was_spent()
    {
        var now = harness.Time.GetUtcNow();
        var today = UsageCounting.StartOfUtcDay(now);
        harness.Jobs.Add(TestJobs.Create(now, user: 1, quality: "high", count: 2)); // 0.422 today
        harness.Jobs.Add(TestJobs.Create(today.AddMinutes(1), user: 2)); // 0.211 today
        harness.Jobs.Add(TestJobs.Create(today.AddDays(-2).AddHours(23), user: 1, quality: "low", count: 1)); // 0.006
        var spentYesterday = today.AddMinutes(-1);
        harness.Jobs.Add(TestJobs.Create(today.AddDays(-5), user: 2) with { SubmitIntentAt = spentYesterday, SubmittedAt = spentYesterday, UpdatedAt = spentYesterday });
        harness.Jobs.Add(TestJobs.Create(now, user: 2, state: JobState.Rejected, submitted: false));

        var report = await harness.Reports.BuildAsync(TestJobs.Guild, days: 4, userId: null, CancellationToken.None);

        var date = DateOnly.FromDateTime(today.UtcDateTime);
        Assert.Equal(
            [
                new UsageDay(date.AddDays(-3), UsageTotals.Zero),
                new UsageDay(date.AddDays(-2), new UsageTotals(1, 1, 0.006m)),
                new UsageDay(date.AddDays(-1), new UsageTotals(1, 1, 0.211m)),
                new UsageDay(date, new UsageTotals(2, 3, 0.633m)),
            ],
            report.PerDay);
        Assert.Equal(report.Server, report.PerDay.Aggregate(UsageTotals.Zero, (sum, d) => new UsageTotals(sum.Edits + d.Totals.Edits, sum.Images + d.Totals.Images, sum.CostUsd + d.Totals.CostUsd)));
    }

    // Old code: a report counted a job in the period it was asked for, so yesterday's request approved and spent
    // today was missing from today's report while the daily limits counted it today.
    [Fact]
    public async Task A_request_made_before_the_period_and_spent_within_it_counts_in_the_period()
    {
        var now = harness.Time.GetUtcNow();
        var spentToday = now.AddHours(-1);
        harness.Jobs.Add(TestJobs.Create(now.AddDays(-1), user: 1) with { SubmitIntentAt = spentToday, SubmittedAt = spentToday, UpdatedAt = spentToday });
        harness.Jobs.Add(TestJobs.Create(now.AddDays(-1), user: 2) with { UpdatedAt = now.AddMinutes(-5) });

        var report = await harness.Reports.BuildAsync(TestJobs.Guild, days: 1, userId: null, CancellationToken.None);

        Assert.Equal([1ul], report.Users.Select(u => u.UserId));
    }

    [Fact]
    public async Task One_day_means_today_and_a_member_filter_keeps_only_that_member()
    {
        var now = harness.Time.GetUtcNow();
        harness.Jobs.Add(TestJobs.Create(now, user: 1));
        harness.Jobs.Add(TestJobs.Create(now.AddHours(-10), user: 1));
        harness.Jobs.Add(TestJobs.Create(now, user: 2));

        var report = await harness.Reports.BuildAsync(TestJobs.Guild, days: 1, userId: 1, CancellationToken.None);

        Assert.Equal(new UsageTotals(1, 1, 0.211m), report.Server);
        Assert.Equal(1ul, Assert.Single(report.Users).UserId);
    }

    [Fact]
    public async Task Days_are_clamped_to_the_supported_range()
    {
        Assert.Equal(1, (await harness.Reports.BuildAsync(TestJobs.Guild, 0, null, CancellationToken.None)).Days);
        Assert.Equal(90, (await harness.Reports.BuildAsync(TestJobs.Guild, 1000, null, CancellationToken.None)).Days);
    }
}

using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Origin;
using EditBot.Tests.Moderation.Support;

namespace EditBot.Tests.Moderation;

public sealed class AuditEntryTests
{
    private static readonly Guid JobId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void One_line_names_the_event_job_requester_place_cost_reviewer_and_prompt()
    {
        var entry = new AuditEntry(AuditEventKind.Rejected, JobId, 300, 200, "a *bold* cat", 0.211m, At, ActorId: 9, Detail: "too silly");

        Assert.Equal(
            "**Rejected** · job `0f8fad5b-d9cb-469f-a165-70867728950e` · <@300> in <#200> · est. $0.21 · by <@9> · too silly · prompt: “a \\*bold\\* cat”",
            entry.ToLine());
    }

    [Fact]
    public void A_request_refused_at_intake_has_no_job()
    {
        var entry = new AuditEntry(AuditEventKind.Refused, null, 300, 200, "p", null, At, Detail: "Daily limit reached: 10/10 edits");

        Assert.Equal("**Refused** · no job · <@300> in <#200> · Daily limit reached: 10/10 edits · prompt: “p”", entry.ToLine());
    }

    [Fact]
    public void A_long_prompt_is_cut_with_an_ellipsis_to_stay_within_discords_limit()
    {
        var entry = new AuditEntry(AuditEventKind.Requested, JobId, 300, 200, new string('x', 32_000) + "\nEND", 0.211m, At);

        var line = entry.ToLine();

        Assert.Equal(2000, line.Length);
        Assert.EndsWith("x…”", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void Embed_fields_stay_within_discords_field_limits()
    {
        var entry = new AuditEntry(AuditEventKind.Approved, JobId, 300, 200, new string('y', 5000), 1.5m, At, ActorId: 9);

        var fields = entry.ToEmbedFields();

        Assert.All(fields, f => Assert.InRange(f.Value.Length, 1, 1024));
        Assert.Equal(["Event", "Job", "Requester", "Channel", "Estimated cost", "By", "Prompt"], fields.Select(f => f.Name));
        Assert.EndsWith("…", fields[^1].Value);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        Assert.Equal("ab…", AuditText.Truncate("ab😀😀", 4));
    }

    [Fact]
    public void Entries_for_jobs_take_who_and_where_from_the_stored_context_and_the_failure_as_detail()
    {
        var job = TestJobs.Create(At, JobState.Failed, count: 2) with { Failure = new JobFailure(FailureCode.PolicyRefused, "Daily budget reached") };

        var entry = AuditEntries.ForJob(AuditEventKind.Failed, job, new OriginModerationContextReader().Read(job.Origin), new CostEstimator(), At);

        Assert.Equal(new AuditEntry(AuditEventKind.Failed, job.Id, TestJobs.User, TestJobs.Channel, "a red bicycle", 0.422m, At, null, "Daily budget reached"), entry);
    }

    [Fact]
    public void Entries_for_refused_requests_carry_the_refusal()
    {
        var request = TestJobs.Request(count: 3, quality: "low");

        var entry = AuditEntries.ForRequest(AuditEventKind.Refused, request, null, new CostEstimator().Estimate("low", "1024x1024", 3), At, "Cooldown: wait 5 s before your next edit");

        Assert.Equal("**Refused** · no job · <@300> in <#200> · est. $0.02 · Cooldown: wait 5 s before your next edit · prompt: “a red bicycle”", entry.ToLine());
    }
}

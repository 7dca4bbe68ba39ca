using System.Text.Json;
using EditBot.Core.Backend;
using EditBot.Gmi.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditBot.Gmi.Tests;

public sealed class RecordParsingTests
{
    private static GmiRequestRecord Parse(string json) => RequestRecordParser.Parse(json, NullLogger.Instance);

    [Theory]
    [InlineData("created", RemoteStatus.Created)]
    [InlineData("QUEUED", RemoteStatus.Queued)]
    [InlineData("Dispatched", RemoteStatus.Dispatched)]
    [InlineData("pRoCeSsInG", RemoteStatus.Processing)]
    [InlineData("SUCCESS", RemoteStatus.Success)]
    [InlineData("Failed", RemoteStatus.Failed)]
    [InlineData("cancelled", RemoteStatus.Cancelled)]
    [InlineData("CANCELLED", RemoteStatus.Cancelled)]
    public void Every_documented_status_parses_in_any_letter_case(string raw, RemoteStatus expected)
    {
        var record = Parse($$"""{"request_id":"r1","status":"{{raw}}"}""");

        Assert.Equal(expected, record.Request.Status);
        Assert.Equal(raw, record.Request.RawStatus);
    }

    [Fact]
    public void Unknown_status_is_not_terminal_and_is_logged_once_per_distinct_value()
    {
        using var capture = new Support.LogCapture();
        var logger = capture.CreateLogger("test");
        var odd = "warming_" + Guid.NewGuid().ToString("N");
        var other = "paused_" + Guid.NewGuid().ToString("N");

        var first = RequestRecordParser.Parse($$"""{"request_id":"r1","status":"{{odd}}"}""", logger);
        RequestRecordParser.Parse($$"""{"request_id":"r2","status":"{{odd.ToUpperInvariant()}}"}""", logger);
        RequestRecordParser.Parse($$"""{"request_id":"r3","status":"{{other}}"}""", logger);

        Assert.Equal(RemoteStatus.Unknown, first.Request.Status);
        Assert.False(first.Request.IsTerminal);
        Assert.Single(capture.Lines, l => l.Contains(odd, StringComparison.OrdinalIgnoreCase));
        Assert.Single(capture.Lines, l => l.Contains(other, StringComparison.Ordinal));
    }

    [Fact]
    public void Documented_media_urls_outcome_gives_the_urls_without_the_thumbnail()
    {
        var record = Parse("""
            {"request_id":"cd5b","model":"gpt-image-2-edit","status":"success","created_at":1764000000,
             "outcome":{"media_urls":[{"id":"0","url":"https://storage.googleapis.com/a.png"},{"id":"1","url":"https://storage.googleapis.com/b.png"}],
                        "thumbnail_image_url":"https://storage.googleapis.com/thumb.png"}}
            """);

        Assert.Equal(["https://storage.googleapis.com/a.png", "https://storage.googleapis.com/b.png"], record.Request.MediaUrls);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764000000), record.Request.CreatedAt);
        Assert.Null(record.Request.FailureReason);
        Assert.Equal(RemoteFailureKind.None, record.Request.FailureKind);
    }

    [Theory]
    [InlineData("""{"image_url":"https://h/x.png"}""")]
    [InlineData("""{"medias":["https://h/x.png"]}""")]
    [InlineData("""{"medias":[{"url":"https://h/x.png"}]}""")]
    [InlineData("""{"media_urls":["https://h/x.png"]}""")]
    public void Other_seen_outcome_shapes_give_their_urls(string outcome)
    {
        var record = Parse($$"""{"request_id":"r","status":"success","outcome":{{outcome}}}""");

        Assert.Equal(["https://h/x.png"], record.Request.MediaUrls);
    }

    [Theory]
    [InlineData("""{"outcome":{"error":"boom a"}}""", "boom a")]
    [InlineData("""{"outcome":{"message":"boom b"}}""", "boom b")]
    [InlineData("""{"outcome":{"error_message":"boom c"}}""", "boom c")]
    [InlineData("""{"outcome":{"fail_reason":"boom d"}}""", "boom d")]
    [InlineData("""{"outcome":{"error":{"message":"boom e","code":"x"}}}""", "boom e")]
    [InlineData("""{"outcome":null,"error":"boom f"}""", "boom f")]
    [InlineData("""{"outcome":{},"message":"boom g"}""", "boom g")]
    public void Failure_text_is_taken_from_each_known_field(string fields, string expected)
    {
        var json = """{"request_id":"r","status":"failed",""" + fields[1..];

        var record = Parse(json);

        Assert.Equal(RemoteStatus.Failed, record.Request.Status);
        Assert.Equal(expected, record.Request.FailureReason);
        Assert.Equal(RemoteFailureKind.Other, record.Request.FailureKind);
    }

    [Fact]
    public void Failure_without_any_text_keeps_the_record_without_its_payload_truncated()
    {
        var big = new string('A', 5000);
        var record = Parse($$"""{"request_id":"r9","status":"failed","qworker_id":"w7","payload":{"prompt":"p","image":"{{big}}"},"notes":"{{new string('n', 900)}}"}""");

        Assert.Contains("\"qworker_id\":\"w7\"", record.Request.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAA", record.Request.FailureReason, StringComparison.Ordinal);
        Assert.True(record.Request.FailureReason!.Length <= 501);
    }

    [Theory]
    [InlineData("Rate limit exceeded, please retry later", RemoteFailureKind.RateLimited)]
    [InlineData("upstream error: rate_limit_exceeded", RemoteFailureKind.RateLimited)]
    [InlineData("moderation_blocked: Your request was rejected by the safety system", RemoteFailureKind.ContentPolicy)]
    [InlineData("This request violates our content policy", RemoteFailureKind.ContentPolicy)]
    [InlineData("Rejected by safety system (rate limit info: none)", RemoteFailureKind.ContentPolicy)]
    [InlineData("Internal worker crashed", RemoteFailureKind.Other)]
    public void Terminal_failures_are_classified_from_their_text(string text, RemoteFailureKind expected)
    {
        var record = Parse(JsonSerializer.Serialize(new { request_id = "r", status = "failed", outcome = new { error = text } }));

        Assert.Equal(expected, record.Request.FailureKind);
        Assert.Equal(text, record.Request.FailureReason);
    }

    [Fact]
    public void Echoed_payload_is_read_for_reconciliation_with_documented_defaults()
    {
        var record = Parse("""{"request_id":"r","model":"gpt-image-2-edit","status":"queued","created_at":"1764000000","payload":{"prompt":"p","image":"https://h/i.png"}}""");

        Assert.Equal(new GmiEditPayload("p", "https://h/i.png", null, "1024x1024", "medium", 1), record.Payload);
        Assert.Equal("gpt-image-2-edit", record.Model);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764000000), record.Request.CreatedAt);
    }

    [Theory]
    [InlineData("{\"request_id\": \"trunc")]
    [InlineData("<html>bad gateway</html>")]
    [InlineData("{\"status\":\"success\"}")]
    [InlineData("null")]
    public void Malformed_records_are_rejected(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));
}

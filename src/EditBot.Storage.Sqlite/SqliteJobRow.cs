using System.Text.Json;
using EditBot.Core.Jobs;
using Microsoft.Data.Sqlite;

namespace EditBot.Storage.Sqlite;

/// <summary>Maps a <see cref="Job"/> to the jobs row and back. Dates are Unix milliseconds UTC.</summary>
internal static class SqliteJobRow
{
    /// <summary>Binds every column; the command may carry the parameters of its previous use (see <see cref="SqliteSession.Reused"/>).</summary>
    public static void Bind(SqliteCommand command, Job job, long version)
    {
        var p = command.Parameters;
        Set(p, 0, "@id", Key(job.Id));
        Set(p, 1, "@state", job.State.ToString());
        Set(p, 2, "@version", version);
        Set(p, 3, "@prompt", job.Request.Prompt);
        Set(p, 4, "@image_blob", job.Request.ImageBlob);
        Set(p, 5, "@mask_blob", Nullable(job.Request.MaskBlob));
        Set(p, 6, "@size", job.Request.Size);
        Set(p, 7, "@quality", job.Request.Quality);
        Set(p, 8, "@image_count", job.Request.Count);
        Set(p, 9, "@origin_kind", job.Origin.Kind);
        Set(p, 10, "@requester_key", job.Origin.RequesterKey);
        Set(p, 11, "@scope_key", Nullable(job.Origin.ScopeKey));
        Set(p, 12, "@origin_data", job.Origin.Data);
        Set(p, 13, "@created_at", Ms(job.CreatedAt));
        Set(p, 14, "@updated_at", Ms(job.UpdatedAt));
        Set(p, 15, "@next_attempt_at", Ms(job.NextAttemptAt));
        Set(p, 16, "@lease_owner", Nullable(job.LeaseOwner));
        Set(p, 17, "@lease_until", Ms(job.LeaseUntil));
        Set(p, 18, "@staged_image_ref", Nullable(job.StagedImageRef));
        Set(p, 19, "@staged_mask_ref", Nullable(job.StagedMaskRef));
        Set(p, 20, "@submit_intent_at", Ms(job.SubmitIntentAt));
        Set(p, 21, "@remote_request_id", Nullable(job.RemoteRequestId));
        Set(p, 22, "@submitted_at", Ms(job.SubmittedAt));
        Set(p, 23, "@submissions", job.Submissions);
        Set(p, 24, "@attempts", job.Attempts);
        Set(p, 25, "@polls", job.Polls);
        Set(p, 26, "@remote_status", Nullable(job.RemoteStatus));
        Set(p, 27, "@result_urls", Json(job.ResultUrls));
        Set(p, 28, "@result_blobs", Json(job.ResultBlobs));
        Set(p, 29, "@failure_code", job.Failure is null ? DBNull.Value : job.Failure.Code.ToString());
        Set(p, 30, "@failure_message", Nullable(job.Failure?.Message));
        Set(p, 31, "@cancel_requested", job.CancelRequested ? 1 : 0);
        Set(p, 32, "@completed_at", Ms(job.CompletedAt));
    }

    public static Job Read(SqliteDataReader r) => new()
    {
        Id = Guid.Parse(r.GetString(0)),
        State = Enum.Parse<JobState>(r.GetString(1)),
        Version = r.GetInt64(2),
        Request = new EditRequest(r.GetString(3), r.GetString(4), Text(r, 5), r.GetString(6), r.GetString(7), r.GetInt32(8)),
        Origin = new JobOrigin(r.GetString(9), r.GetString(10), Text(r, 11), r.GetString(12)),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13)),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(14)),
        NextAttemptAt = Date(r, 15),
        LeaseOwner = Text(r, 16),
        LeaseUntil = Date(r, 17),
        StagedImageRef = Text(r, 18),
        StagedMaskRef = Text(r, 19),
        SubmitIntentAt = Date(r, 20),
        RemoteRequestId = Text(r, 21),
        SubmittedAt = Date(r, 22),
        Submissions = r.GetInt32(23),
        Attempts = r.GetInt32(24),
        Polls = r.GetInt32(25),
        RemoteStatus = Text(r, 26),
        ResultUrls = JsonSerializer.Deserialize<string[]>(r.GetString(27)) ?? [],
        ResultBlobs = JsonSerializer.Deserialize<string[]>(r.GetString(28)) ?? [],
        Failure = r.IsDBNull(29) ? null : new JobFailure(Enum.Parse<FailureCode>(r.GetString(29)), Text(r, 30) ?? string.Empty),
        CancelRequested = r.GetInt64(31) != 0,
        CompletedAt = Date(r, 32),
    };

    /// <summary>Binds an event; the command may carry the parameters of its previous use (see <see cref="SqliteSession.Reused"/>).</summary>
    public static void BindEvent(SqliteCommand command, JobEvent evt)
    {
        var p = command.Parameters;
        Set(p, 0, "@job_id", Key(evt.JobId));
        Set(p, 1, "@at", Ms(evt.At));
        Set(p, 2, "@from_state", evt.From.ToString());
        Set(p, 3, "@to_state", evt.To.ToString());
        Set(p, 4, "@reason", evt.Reason);
    }

    public static JobEvent ReadEvent(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)),
        Enum.Parse<JobState>(r.GetString(2)),
        Enum.Parse<JobState>(r.GetString(3)),
        r.GetString(4));

    // Parameters are always bound in the same order, so a reused command's parameter i is this one.
    private static void Set(SqliteParameterCollection p, int index, string name, object value)
    {
        if (index < p.Count)
        {
            p[index].Value = value;
        }
        else
        {
            p.AddWithValue(name, value);
        }
    }

    private static string Json(IReadOnlyList<string> values) => values.Count == 0 ? "[]" : JsonSerializer.Serialize(values);

    public static string Key(Guid id) => id.ToString("D");

    public static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static object Ms(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Date(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));
}

using System.Text.Json;
using EditBot.Core.Jobs;
using Npgsql;
using NpgsqlTypes;

namespace EditBot.Storage.Postgres;

/// <summary>Maps a <see cref="Job"/> to the jobs row and back. Dates are timestamptz, always written in UTC.</summary>
internal static class PostgresJobRow
{
    public static void Bind(NpgsqlCommand command, Job job, long version)
    {
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid>("id", job.Id));
        Text(p, "state", job.State.ToString());
        p.Add(new NpgsqlParameter<long>("version", version));
        Text(p, "prompt", job.Request.Prompt);
        Text(p, "image_blob", job.Request.ImageBlob);
        Text(p, "mask_blob", job.Request.MaskBlob);
        Text(p, "size", job.Request.Size);
        Text(p, "quality", job.Request.Quality);
        p.Add(new NpgsqlParameter<int>("image_count", job.Request.Count));
        Text(p, "origin_kind", job.Origin.Kind);
        Text(p, "requester_key", job.Origin.RequesterKey);
        Text(p, "scope_key", job.Origin.ScopeKey);
        Text(p, "origin_data", job.Origin.Data);
        Date(p, "created_at", job.CreatedAt);
        Date(p, "updated_at", job.UpdatedAt);
        Date(p, "next_attempt_at", job.NextAttemptAt);
        Text(p, "lease_owner", job.LeaseOwner);
        Date(p, "lease_until", job.LeaseUntil);
        Text(p, "staged_image_ref", job.StagedImageRef);
        Text(p, "staged_mask_ref", job.StagedMaskRef);
        Date(p, "submit_intent_at", job.SubmitIntentAt);
        Text(p, "remote_request_id", job.RemoteRequestId);
        Date(p, "submitted_at", job.SubmittedAt);
        p.Add(new NpgsqlParameter<int>("submissions", job.Submissions));
        p.Add(new NpgsqlParameter<int>("attempts", job.Attempts));
        p.Add(new NpgsqlParameter<int>("polls", job.Polls));
        Text(p, "remote_status", job.RemoteStatus);
        p.Add(new NpgsqlParameter("result_urls", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(job.ResultUrls) });
        p.Add(new NpgsqlParameter("result_blobs", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(job.ResultBlobs) });
        Text(p, "failure_code", job.Failure?.Code.ToString());
        Text(p, "failure_message", job.Failure?.Message);
        p.Add(new NpgsqlParameter<bool>("cancel_requested", job.CancelRequested));
        Date(p, "completed_at", job.CompletedAt);
    }

    public static Job Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        State = Enum.Parse<JobState>(r.GetString(1)),
        Version = r.GetInt64(2),
        Request = new EditRequest(r.GetString(3), r.GetString(4), Text(r, 5), r.GetString(6), r.GetString(7), r.GetInt32(8)),
        Origin = new JobOrigin(r.GetString(9), r.GetString(10), Text(r, 11), r.GetString(12)),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(13),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(14),
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
        CancelRequested = r.GetBoolean(31),
        CompletedAt = Date(r, 32),
    };

    public static void BindEvent(NpgsqlCommand command, JobEvent evt, bool withJobId)
    {
        if (withJobId)
        {
            command.Parameters.Add(new NpgsqlParameter<Guid>("job_id", evt.JobId));
        }

        Date(command.Parameters, "at", evt.At);
        Text(command.Parameters, "from_state", evt.From.ToString());
        Text(command.Parameters, "to_state", evt.To.ToString());
        Text(command.Parameters, "reason", evt.Reason);
    }

    public static JobEvent ReadEvent(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetFieldValue<DateTimeOffset>(1),
        Enum.Parse<JobState>(r.GetString(2)),
        Enum.Parse<JobState>(r.GetString(3)),
        r.GetString(4));

    public static void Text(NpgsqlParameterCollection p, string name, string? value) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    // Npgsql writes timestamptz only from UTC values.
    public static void Date(NpgsqlParameterCollection p, string name, DateTimeOffset? value) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value });

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}

using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EditBot.Storage.Sqlite;

/// <summary>The embedded <see cref="IJobStore"/>: every write is one BEGIN IMMEDIATE transaction with its event.</summary>
public sealed class SqliteJobStore(SqliteDatabase database) : IJobStore
{
    // SQLITE_CONSTRAINT_UNIQUE: here only ux_jobs_remote_request can raise it on an update.
    private const int UniqueViolation = 2067;

    public Task<Job> InsertAsync(Job job, JobEvent firstEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(firstEvent);
        EnsureSameJob(job, firstEvent);
        return database.WriteAsync(s =>
        {
            var insert = s.Reused(SqliteJobSql.Insert);
            SqliteJobRow.Bind(insert, job, 1);
            insert.ExecuteNonQuery();
            InsertEvent(s, firstEvent);
            return job with { Version = 1 };
        }, cancellationToken);
    }

    public Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        database.ReadAsync(s => ReadOne(s, SqliteJobSql.SelectById, "@id", SqliteJobRow.Key(id)), cancellationToken);

    public async Task<IReadOnlyList<Job>> ClaimDueAsync(
        string owner, DateTimeOffset now, TimeSpan leaseFor, int max, IReadOnlyCollection<string>? originKinds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var claimed = await database.WriteAsync(s =>
        {
            // The store's clock, read by the writer as it runs this write (not when the claim was queued).
            var clock = database.Time.GetUtcNow();
            var claim = s.Command(SqliteJobSql.Claim);
            claim.Parameters.AddWithValue("@owner", owner);
            claim.Parameters.AddWithValue("@until", SqliteJobRow.Ms(clock + leaseFor));
            claim.Parameters.AddWithValue("@clock", SqliteJobRow.Ms(clock));
            claim.Parameters.AddWithValue("@now", SqliteJobRow.Ms(now));
            claim.Parameters.AddWithValue("@max", max);
            claim.Parameters.AddWithValue("@kinds", originKinds is null ? DBNull.Value : System.Text.Json.JsonSerializer.Serialize(originKinds.ToArray()));
            return ReadAll(claim);
        }, cancellationToken);

        // RETURNING does not promise an order; hand jobs out in the order they were chosen.
        return claimed.OrderBy(j => j.NextAttemptAt ?? j.CreatedAt).ThenBy(j => j.CreatedAt).ToList();
    }

    public Task<Job?> TryUpdateAsync(Job job, JobEvent? evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (evt is not null)
        {
            EnsureSameJob(job, evt);
        }

        return database.WriteAsync(s =>
        {
            var update = s.Reused(SqliteJobSql.CompareAndSet);
            SqliteJobRow.Bind(update, job, job.Version);
            try
            {
                if (update.ExecuteNonQuery() == 0)
                {
                    return null;
                }
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == UniqueViolation)
            {
                // Another job owns this remote request (it adopted it first): a conflict, decided again by the caller.
                return null;
            }

            if (evt is not null)
            {
                InsertEvent(s, evt);
            }

            return job with { Version = job.Version + 1 };
        }, cancellationToken);
    }

    public Task<bool> RenewLeaseAsync(Guid id, string owner, TimeSpan leaseFor, CancellationToken cancellationToken) =>
        database.WriteAsync(s =>
        {
            var renew = s.Command(SqliteJobSql.RenewLease);
            renew.Parameters.AddWithValue("@id", SqliteJobRow.Key(id));
            renew.Parameters.AddWithValue("@owner", owner);
            renew.Parameters.AddWithValue("@until", SqliteJobRow.Ms(database.Time.GetUtcNow() + leaseFor));
            return renew.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task AppendEventAsync(JobEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return database.WriteAsync(s => InsertEvent(s, evt), cancellationToken);
    }

    public Task<IReadOnlyList<JobEvent>> GetEventsAsync(Guid id, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<JobEvent>>(s =>
        {
            var select = s.Command(SqliteJobSql.SelectEvents);
            select.Parameters.AddWithValue("@id", SqliteJobRow.Key(id));
            using var reader = select.ExecuteReader();
            var events = new List<JobEvent>();
            while (reader.Read())
            {
                events.Add(SqliteJobRow.ReadEvent(reader));
            }

            return events;
        }, cancellationToken);

    public Task<IReadOnlyList<Job>> ListAsync(JobQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Job>>(s => ReadAll(SqliteJobFilter.Build(s, query, count: false)), cancellationToken);

    public Task<int> CountAsync(JobQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync(s => Convert.ToInt32(SqliteJobFilter.Build(s, query, count: true).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    public Task<int> GetQueuePositionAsync(Guid id, CancellationToken cancellationToken) =>
        database.ReadAsync(s =>
        {
            var select = s.Command(SqliteJobSql.QueuePosition);
            select.Parameters.AddWithValue("@id", SqliteJobRow.Key(id));
            return select.ExecuteScalar() is long position ? (int)position : 0;
        }, cancellationToken);

    public Task<Job?> FindByRemoteRequestIdAsync(string remoteRequestId, CancellationToken cancellationToken) =>
        database.ReadAsync(s => ReadOne(s, SqliteJobSql.SelectByRemoteRequestId, "@remote_request_id", remoteRequestId), cancellationToken);

    private static void EnsureSameJob(Job job, JobEvent evt)
    {
        if (evt.JobId != job.Id)
        {
            throw new ArgumentException($"The event belongs to job {evt.JobId}, not {job.Id}.", nameof(evt));
        }
    }

    private static int InsertEvent(SqliteSession session, JobEvent evt)
    {
        var insert = session.Reused(SqliteJobSql.InsertEvent);
        SqliteJobRow.BindEvent(insert, evt);
        return insert.ExecuteNonQuery();
    }

    private static Job? ReadOne(SqliteSession session, string sql, string name, string value)
    {
        var select = session.Command(sql);
        select.Parameters.AddWithValue(name, value);
        using var reader = select.ExecuteReader();
        return reader.Read() ? SqliteJobRow.Read(reader) : null;
    }

    private static List<Job> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var jobs = new List<Job>();
        while (reader.Read())
        {
            jobs.Add(SqliteJobRow.Read(reader));
        }

        return jobs;
    }
}

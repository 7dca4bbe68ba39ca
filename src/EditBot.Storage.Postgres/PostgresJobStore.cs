using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace EditBot.Storage.Postgres;

/// <summary>The shared <see cref="IJobStore"/>: several instances claim from one database with SKIP LOCKED leases.</summary>
public sealed class PostgresJobStore(PostgresDatabase database) : IJobStore
{
    public async Task<Job> InsertAsync(Job job, JobEvent firstEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(firstEvent);
        EnsureSameJob(job, firstEvent);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(PostgresJobSql.InsertWithEvent, connection);
        PostgresJobRow.Bind(insert, job, 1);
        PostgresJobRow.BindEvent(insert, firstEvent, withJobId: false);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return job with { Version = 1 };
    }

    public async Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand(PostgresJobSql.SelectById, connection);
        select.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        return (await ReadAllAsync(select, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Job>> ClaimDueAsync(
        string owner, DateTimeOffset now, TimeSpan leaseFor, int max, IReadOnlyCollection<string>? originKinds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var claim = new NpgsqlCommand(PostgresJobSql.Claim, connection);
        PostgresJobRow.Text(claim.Parameters, "owner", owner);
        claim.Parameters.Add(new NpgsqlParameter<TimeSpan>("lease_for", leaseFor));
        PostgresJobRow.Date(claim.Parameters, "now", now);
        claim.Parameters.Add(new NpgsqlParameter<int>("max", max));
        claim.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = originKinds is null ? DBNull.Value : originKinds.ToArray() });
        var claimed = await ReadAllAsync(claim, cancellationToken);
        // RETURNING does not promise an order; hand jobs out in the order they were chosen.
        return claimed.OrderBy(j => j.NextAttemptAt ?? j.CreatedAt).ThenBy(j => j.CreatedAt).ToList();
    }

    public async Task<Job?> TryUpdateAsync(Job job, JobEvent? evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = new NpgsqlCommand(evt is null ? PostgresJobSql.CompareAndSet : PostgresJobSql.CompareAndSetWithEvent, connection);
        PostgresJobRow.Bind(update, job, job.Version);
        if (evt is not null)
        {
            EnsureSameJob(job, evt);
            PostgresJobRow.BindEvent(update, evt, withJobId: false);
        }

        try
        {
            // With an event the count is of inserted events, which is 1 exactly when the update matched.
            return await update.ExecuteNonQueryAsync(cancellationToken) == 1 ? job with { Version = job.Version + 1 } : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "ux_jobs_remote_request")
        {
            // Another job owns this remote request (it adopted it first): a conflict, decided again by the caller.
            return null;
        }
    }

    public async Task<bool> RenewLeaseAsync(Guid id, string owner, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var renew = new NpgsqlCommand(PostgresJobSql.RenewLease, connection);
        renew.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        PostgresJobRow.Text(renew.Parameters, "owner", owner);
        renew.Parameters.Add(new NpgsqlParameter<TimeSpan>("lease_for", leaseFor));
        return await renew.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task AppendEventAsync(JobEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(PostgresJobSql.InsertEvent, connection);
        PostgresJobRow.BindEvent(insert, evt, withJobId: true);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JobEvent>> GetEventsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand(PostgresJobSql.SelectEvents, connection);
        select.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var events = new List<JobEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(PostgresJobRow.ReadEvent(reader));
        }

        return events;
    }

    public async Task<IReadOnlyList<Job>> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = PostgresJobFilter.Build(connection, query, count: false);
        return await ReadAllAsync(select, cancellationToken);
    }

    public async Task<int> CountAsync(JobQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var count = PostgresJobFilter.Build(connection, query, count: true);
        return (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<int> GetQueuePositionAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand(PostgresJobSql.QueuePosition, connection);
        select.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        return await select.ExecuteScalarAsync(cancellationToken) is long position ? (int)position : 0;
    }

    public async Task<Job?> FindByRemoteRequestIdAsync(string remoteRequestId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand(PostgresJobSql.SelectByRemoteRequestId, connection);
        PostgresJobRow.Text(select.Parameters, "remote_request_id", remoteRequestId);
        return (await ReadAllAsync(select, cancellationToken)).FirstOrDefault();
    }

    private static void EnsureSameJob(Job job, JobEvent evt)
    {
        if (evt.JobId != job.Id)
        {
            throw new ArgumentException($"The event belongs to job {evt.JobId}, not {job.Id}.", nameof(evt));
        }
    }

    private static async Task<List<Job>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<Job>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(PostgresJobRow.Read(reader));
        }

        return jobs;
    }
}

using System.Text;
using EditBot.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace EditBot.Storage.Postgres;

/// <summary>Builds the list/count statement for a <see cref="JobQuery"/>; only the filters that are set appear.</summary>
internal static class PostgresJobFilter
{
    public static NpgsqlCommand Build(NpgsqlConnection connection, JobQuery query, bool count)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder(count ? "SELECT COUNT(*) FROM jobs WHERE TRUE" : "SELECT " + PostgresJobSql.Columns + " FROM jobs WHERE TRUE");
        var parameters = new List<NpgsqlParameter>();
        if (query.RequesterKey is not null)
        {
            sql.Append(" AND requester_key = @requester_key");
            parameters.Add(new NpgsqlParameter("requester_key", NpgsqlDbType.Text) { Value = query.RequesterKey });
        }

        if (query.ScopeKey is not null)
        {
            sql.Append(" AND scope_key = @scope_key");
            parameters.Add(new NpgsqlParameter("scope_key", NpgsqlDbType.Text) { Value = query.ScopeKey });
        }

        if (query.CreatedSince is { } since)
        {
            sql.Append(" AND created_at >= @created_since");
            parameters.Add(new NpgsqlParameter("created_since", NpgsqlDbType.TimestampTz) { Value = since.ToUniversalTime() });
        }

        if (query.UpdatedSince is { } updated)
        {
            sql.Append(" AND updated_at >= @updated_since");
            parameters.Add(new NpgsqlParameter("updated_since", NpgsqlDbType.TimestampTz) { Value = updated.ToUniversalTime() });
        }

        // Keyset bounds on (created_at, id), the list's order (row comparison, so the index on created_at serves it).
        if (query.OlderThan is { } older)
        {
            sql.Append(" AND (created_at, id) < (@older_at, @older_id)");
            parameters.Add(new NpgsqlParameter("older_at", NpgsqlDbType.TimestampTz) { Value = older.CreatedAt.ToUniversalTime() });
            parameters.Add(new NpgsqlParameter("older_id", NpgsqlDbType.Uuid) { Value = older.Id });
        }

        if (query.NewerThan is { } newer)
        {
            sql.Append(" AND (created_at, id) > (@newer_at, @newer_id)");
            parameters.Add(new NpgsqlParameter("newer_at", NpgsqlDbType.TimestampTz) { Value = newer.CreatedAt.ToUniversalTime() });
            parameters.Add(new NpgsqlParameter("newer_id", NpgsqlDbType.Uuid) { Value = newer.Id });
        }

        if (query.States is { } states)
        {
            sql.Append(" AND state = ANY(@states)");
            parameters.Add(new NpgsqlParameter("states", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = states.Select(s => s.ToString()).ToArray() });
        }

        if (!count)
        {
            sql.Append(query.OldestFirst ? " ORDER BY created_at, id LIMIT @limit" : " ORDER BY created_at DESC, id DESC LIMIT @limit");
            parameters.Add(new NpgsqlParameter<int>("limit", Math.Max(0, query.Limit)));
        }

#pragma warning disable CA2100 // Built from constant fragments; every value is a parameter.
        var command = new NpgsqlCommand(sql.ToString(), connection);
#pragma warning restore CA2100
        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }
}

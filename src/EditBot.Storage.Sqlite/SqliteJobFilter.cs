using System.Text;
using EditBot.Core.Storage;

namespace EditBot.Storage.Sqlite;

/// <summary>Builds the list/count statement for a <see cref="JobQuery"/>; only the filters that are set appear.</summary>
internal static class SqliteJobFilter
{
    public static Microsoft.Data.Sqlite.SqliteCommand Build(SqliteSession session, JobQuery query, bool count)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder(count ? "SELECT COUNT(*) FROM jobs WHERE 1 = 1" : "SELECT " + SqliteJobSql.Columns + " FROM jobs WHERE 1 = 1");
        var values = new List<(string Name, object Value)>();
        if (query.RequesterKey is not null)
        {
            sql.Append(" AND requester_key = @requester_key");
            values.Add(("@requester_key", query.RequesterKey));
        }

        if (query.ScopeKey is not null)
        {
            sql.Append(" AND scope_key = @scope_key");
            values.Add(("@scope_key", query.ScopeKey));
        }

        if (query.CreatedSince is { } since)
        {
            sql.Append(" AND created_at >= @created_since");
            values.Add(("@created_since", SqliteJobRow.Ms(since)));
        }

        if (query.UpdatedSince is { } updated)
        {
            sql.Append(" AND updated_at >= @updated_since");
            values.Add(("@updated_since", SqliteJobRow.Ms(updated)));
        }

        // Keyset bounds on (created_at, id), the list's order; ids are stored as lowercase hex text, so text order is uuid order.
        if (query.OlderThan is { } older)
        {
            sql.Append(" AND (created_at < @older_at OR (created_at = @older_at AND id < @older_id))");
            values.Add(("@older_at", SqliteJobRow.Ms(older.CreatedAt)));
            values.Add(("@older_id", SqliteJobRow.Key(older.Id)));
        }

        if (query.NewerThan is { } newer)
        {
            sql.Append(" AND (created_at > @newer_at OR (created_at = @newer_at AND id > @newer_id))");
            values.Add(("@newer_at", SqliteJobRow.Ms(newer.CreatedAt)));
            values.Add(("@newer_id", SqliteJobRow.Key(newer.Id)));
        }

        if (query.States is { } states)
        {
            // One parameter per distinct state keeps the statement text (and its cache entry) stable per shape.
            var names = states.Distinct().Select((s, i) => (Name: $"@state{i}", Value: s.ToString())).ToList();
            sql.Append(names.Count == 0 ? " AND 1 = 0" : $" AND state IN ({string.Join(", ", names.Select(n => n.Name))})");
            values.AddRange(names.Select(n => (n.Name, (object)n.Value)));
        }

        if (!count)
        {
            sql.Append(query.OldestFirst ? " ORDER BY created_at, id LIMIT @limit" : " ORDER BY created_at DESC, id DESC LIMIT @limit");
            values.Add(("@limit", Math.Max(0, query.Limit)));
        }

        var command = session.Command(sql.ToString());
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}

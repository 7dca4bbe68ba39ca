using EditBot.Core.Cluster;
using Npgsql;
using NpgsqlTypes;

namespace EditBot.Storage.Postgres;

/// <summary>
/// Heartbeat rows in the <c>instances</c> table, judged on the database's clock (one clock for every instance): the
/// write and the count are one statement.
/// </summary>
public sealed class PostgresInstanceRegistry(PostgresDatabase database) : IInstanceRegistry
{
    private const string Heartbeat =
        "WITH me AS (INSERT INTO instances (instance_id, roles, seen_at) VALUES (@id, @roles, clock_timestamp()) " +
        "ON CONFLICT (instance_id) DO UPDATE SET roles = EXCLUDED.roles, seen_at = EXCLUDED.seen_at RETURNING instance_id, roles), " +
        // Rows of instances gone for an hour (crashed ones never leave) are cleared by whoever beats next.
        "gone AS (DELETE FROM instances WHERE seen_at < clock_timestamp() - interval '1 hour') " +
        // The statement's snapshot does not see its own insert: count this instance from `me`, the others from the table.
        "SELECT role, COUNT(*)::int FROM (" +
        "SELECT unnest(roles) AS role FROM me UNION ALL " +
        "SELECT unnest(roles) FROM instances WHERE instance_id <> @id AND seen_at > clock_timestamp() - @live_within) r GROUP BY role";

    public async Task<IReadOnlyDictionary<string, int>> HeartbeatAsync(
        string instanceId, IReadOnlyCollection<string> roles, TimeSpan liveWithin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(roles);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Heartbeat, connection);
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = instanceId });
        command.Parameters.Add(new NpgsqlParameter("roles", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = roles.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("live_within", liveWithin));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    public async Task LeaveAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM instances WHERE instance_id = @id", connection);
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = instanceId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

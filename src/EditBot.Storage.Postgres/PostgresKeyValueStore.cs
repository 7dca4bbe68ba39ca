using EditBot.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace EditBot.Storage.Postgres;

/// <summary>Small JSON settings by (scope, key), shared by all instances.</summary>
public sealed class PostgresKeyValueStore(PostgresDatabase database) : IKeyValueStore
{
    public async Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT value FROM key_values WHERE scope = @scope AND key = @key", scope, key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            "INSERT INTO key_values (scope, key, value) VALUES (@scope, @key, @value) ON CONFLICT (scope, key) DO UPDATE SET value = EXCLUDED.value",
            scope,
            key);
        command.Parameters.Add(new NpgsqlParameter("value", NpgsqlDbType.Text) { Value = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> CompareAndSetAsync(string scope, string key, string? expected, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            expected is null
                ? "INSERT INTO key_values (scope, key, value) VALUES (@scope, @key, @value) ON CONFLICT (scope, key) DO NOTHING"
                : "UPDATE key_values SET value = @value WHERE scope = @scope AND key = @key AND value = @expected",
            scope,
            key);
        command.Parameters.Add(new NpgsqlParameter("value", NpgsqlDbType.Text) { Value = value });
        if (expected is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("expected", NpgsqlDbType.Text) { Value = expected });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM key_values WHERE scope = @scope AND key = @key", scope, key);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyDictionary<string, string>> ListAsync(string scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT key, value FROM key_values WHERE scope = @scope ORDER BY key", scope, null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return values;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string scope, string? key)
    {
#pragma warning disable CA2100 // Constant statements of this class; values are parameters.
        var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.Parameters.Add(new NpgsqlParameter("scope", NpgsqlDbType.Text) { Value = scope });
        if (key is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = key });
        }

        return command;
    }
}

using EditBot.Core.Storage;

namespace EditBot.Storage.Sqlite;

/// <summary>Small JSON settings by (scope, key).</summary>
public sealed class SqliteKeyValueStore(SqliteDatabase database) : IKeyValueStore
{
    public Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken) =>
        database.ReadAsync(s =>
        {
            var select = s.Command("SELECT value FROM key_values WHERE scope = @scope AND key = @key");
            select.Parameters.AddWithValue("@scope", scope);
            select.Parameters.AddWithValue("@key", key);
            return select.ExecuteScalar() as string;
        }, cancellationToken);

    public Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken) =>
        database.WriteAsync(s =>
        {
            var upsert = s.Command(
                "INSERT INTO key_values (scope, key, value) VALUES (@scope, @key, @value) ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value");
            upsert.Parameters.AddWithValue("@scope", scope);
            upsert.Parameters.AddWithValue("@key", key);
            upsert.Parameters.AddWithValue("@value", value);
            return upsert.ExecuteNonQuery();
        }, cancellationToken);

    public Task<bool> CompareAndSetAsync(string scope, string key, string? expected, string value, CancellationToken cancellationToken) =>
        database.WriteAsync(s =>
        {
            var write = s.Command(expected is null
                ? "INSERT INTO key_values (scope, key, value) VALUES (@scope, @key, @value) ON CONFLICT (scope, key) DO NOTHING"
                : "UPDATE key_values SET value = @value WHERE scope = @scope AND key = @key AND value = @expected");
            write.Parameters.AddWithValue("@scope", scope);
            write.Parameters.AddWithValue("@key", key);
            write.Parameters.AddWithValue("@value", value);
            if (expected is not null)
            {
                write.Parameters.AddWithValue("@expected", expected);
            }

            return write.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken) =>
        database.WriteAsync(s =>
        {
            var delete = s.Command("DELETE FROM key_values WHERE scope = @scope AND key = @key");
            delete.Parameters.AddWithValue("@scope", scope);
            delete.Parameters.AddWithValue("@key", key);
            return delete.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListAsync(string scope, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<string, string>>(s =>
        {
            var select = s.Command("SELECT key, value FROM key_values WHERE scope = @scope ORDER BY key");
            select.Parameters.AddWithValue("@scope", scope);
            using var reader = select.ExecuteReader();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }

            return values;
        }, cancellationToken);
}

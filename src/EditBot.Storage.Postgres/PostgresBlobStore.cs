using System.Security.Cryptography;
using EditBot.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace EditBot.Storage.Postgres;

/// <summary>Content-addressed blobs as bytea, so every instance sees the inputs intake stored.</summary>
public sealed class PostgresBlobStore(PostgresDatabase database) : IBlobStore
{
    // Touch first: a re-put of known bytes (re-rolls, the same image twice) then does not rewrite the content.
    private const string Touch = "UPDATE blobs SET last_used_at = @now WHERE id = @id";

    private const string Upsert =
        "INSERT INTO blobs (id, media_type, content, size, created_at, last_used_at) VALUES (@id, @media_type, @content, @size, @now, @now) " +
        "ON CONFLICT (id) DO UPDATE SET last_used_at = EXCLUDED.last_used_at";

    private const string Select = "SELECT id, media_type, content FROM blobs WHERE id = @id";

    // Everything a live job still needs: its inputs and any results fetched so far.
    private const string Prune =
        "WITH live(id) AS (" +
        "SELECT image_blob FROM jobs WHERE state NOT IN ('Done', 'Failed', 'Rejected', 'Cancelled') " +
        "UNION SELECT mask_blob FROM jobs WHERE state NOT IN ('Done', 'Failed', 'Rejected', 'Cancelled') AND mask_blob IS NOT NULL " +
        "UNION SELECT jsonb_array_elements_text(result_blobs) FROM jobs WHERE state NOT IN ('Done', 'Failed', 'Rejected', 'Cancelled')) " +
        "DELETE FROM blobs b WHERE b.last_used_at < @cutoff AND NOT EXISTS (SELECT 1 FROM live WHERE live.id = b.id)";

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        var id = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var now = database.Time.GetUtcNow().ToUniversalTime();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var touch = new NpgsqlCommand(Touch, connection))
        {
            touch.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
            touch.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = id });
            if (await touch.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return id;
            }
        }

        // Another instance may store the same bytes meanwhile: the upsert makes that harmless.
        await using var upsert = new NpgsqlCommand(Upsert, connection);
        upsert.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = id });
        upsert.Parameters.Add(new NpgsqlParameter("media_type", NpgsqlDbType.Text) { Value = mediaType });
        upsert.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("content", content) { NpgsqlDbType = NpgsqlDbType.Bytea });
        upsert.Parameters.Add(new NpgsqlParameter<long>("size", content.Length));
        upsert.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    public async Task<Blob?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand(Select, connection);
        select.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = id });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Blob(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2))
            : null;
    }

    public async Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var prune = new NpgsqlCommand(Prune, connection);
        prune.Parameters.Add(new NpgsqlParameter("cutoff", NpgsqlDbType.TimestampTz) { Value = olderThan.ToUniversalTime() });
        return await prune.ExecuteNonQueryAsync(cancellationToken);
    }
}

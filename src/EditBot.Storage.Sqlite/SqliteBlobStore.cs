using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EditBot.Core.Storage;

namespace EditBot.Storage.Sqlite;

/// <summary>Content-addressed blobs inside the database file, so one backup holds jobs and their inputs.</summary>
public sealed class SqliteBlobStore(SqliteDatabase database) : IBlobStore
{
    /// <summary>
    /// Rows deleted per transaction by <see cref="PruneAsync"/>: SQLite has one writer, so a sweep of thousands of
    /// blobs in one transaction would hold back every interaction and lease renewal until it ends.
    /// </summary>
    internal const int PruneBatchSize = 500;

    private const string Touch = "UPDATE blobs SET last_used_at = @now WHERE id = @id";

    private const string Insert =
        "INSERT INTO blobs (id, media_type, content, size, created_at, last_used_at) VALUES (@id, @media_type, @content, @size, @now, @now)";

    private const string Select = "SELECT id, media_type, content FROM blobs WHERE id = @id";

    // Everything a live job still needs: its inputs and any results fetched so far. One batch of the rest at a time.
    private const string Prune =
        "WITH live(id) AS (" +
        "SELECT image_blob FROM jobs WHERE state NOT IN ('Done', 'Failed', 'Rejected', 'Cancelled') " +
        "UNION SELECT mask_blob FROM jobs WHERE state NOT IN ('Done', 'Failed', 'Rejected', 'Cancelled') AND mask_blob IS NOT NULL " +
        "UNION SELECT r.value FROM jobs j, json_each(j.result_blobs) r WHERE j.state NOT IN ('Done', 'Failed', 'Rejected', 'Cancelled')) " +
        "DELETE FROM blobs WHERE id IN (" +
        "SELECT id FROM blobs WHERE last_used_at < @cutoff AND id NOT IN (SELECT id FROM live) LIMIT @batch)";

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        var id = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var now = database.Time.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync(s =>
        {
            // Touch first: a re-put of known bytes (re-rolls, the same image twice) then skips writing the content.
            var touch = s.Command(Touch);
            touch.Parameters.AddWithValue("@id", id);
            touch.Parameters.AddWithValue("@now", now);
            if (touch.ExecuteNonQuery() == 0)
            {
                var insert = s.Command(Insert);
                insert.Parameters.AddWithValue("@id", id);
                insert.Parameters.AddWithValue("@media_type", mediaType);
                insert.Parameters.AddWithValue("@content", WholeArray(content));
                insert.Parameters.AddWithValue("@size", content.Length);
                insert.Parameters.AddWithValue("@now", now);
                insert.ExecuteNonQuery();
            }

            return id;
        }, cancellationToken);
    }

    /// <summary>The caller's array when the memory is all of one (a download's buffer), else a copy: no second copy of a result.</summary>
    private static byte[] WholeArray(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : content.ToArray();

    public Task<Blob?> GetAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(s =>
        {
            var select = s.Command(Select);
            select.Parameters.AddWithValue("@id", id);
            using var reader = select.ExecuteReader();
            return reader.Read() ? new Blob(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)) : null;
        }, cancellationToken);

    /// <summary>
    /// Deletes in transactions of at most <see cref="PruneBatchSize"/> rows, each queued behind the writes waiting
    /// at the time, until a batch comes back short.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var cutoff = olderThan.ToUnixTimeMilliseconds();
        var total = 0;
        int deleted;
        do
        {
            deleted = await database.WriteAsync(s =>
            {
                var prune = s.Command(Prune);
                prune.Parameters.AddWithValue("@cutoff", cutoff);
                prune.Parameters.AddWithValue("@batch", PruneBatchSize);
                return prune.ExecuteNonQuery();
            }, cancellationToken);
            total += deleted;
        }
        while (deleted == PruneBatchSize);

        return total;
    }
}

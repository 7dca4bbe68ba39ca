namespace EditBot.Core.Storage;

/// <summary>
/// Content-addressed bytes (inputs, masks, results). Discord URLs expire within a day, so a URL is never the
/// only copy of an input: intake stores the bytes here and jobs refer to them by id.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes (idempotent) and returns their id: lowercase hex SHA-256. Refreshes the retention clock.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken);

    Task<Blob?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes blobs last stored before <paramref name="olderThan"/> that no non-terminal job refers to.
    /// Returns how many were deleted.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}

public sealed record Blob(string Id, string MediaType, byte[] Content);

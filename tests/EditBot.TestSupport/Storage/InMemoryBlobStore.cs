using System.Collections.Concurrent;
using System.Security.Cryptography;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.TestSupport.Storage;

/// <summary>
/// The one in-memory <see cref="IBlobStore"/> of the tests, run through the store contract suite: content-addressed
/// (lowercase hex SHA-256 ids), a re-put marks the blob used again, and a prune deletes what was last used before the
/// cut-off unless a live job of <paramref name="jobs"/> still needs it (inputs and results fetched so far).
/// </summary>
public sealed class InMemoryBlobStore(TimeProvider? time = null, InMemoryJobStore? jobs = null) : IBlobStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (Blob Blob, DateTimeOffset LastUsed)> _blobs = new();

    public int Count => _blobs.Count;

    public Task<string> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        var id = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var now = _time.GetUtcNow();
        _blobs.AddOrUpdate(id, _ => (new Blob(id, mediaType, content.ToArray()), now), (_, known) => (known.Blob, now));
        return Task.FromResult(id);
    }

    public Task<Blob?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.TryGetValue(id, out var stored) ? stored.Blob : null);

    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var live = (jobs?.Snapshot() ?? [])
            .Where(j => !j.IsTerminal)
            .SelectMany(j => new[] { j.Request.ImageBlob, j.Request.MaskBlob }.Concat(j.ResultBlobs ?? []))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var (id, stored) in _blobs)
        {
            if (stored.LastUsed < olderThan && !live.Contains(id) && _blobs.TryRemove(id, out _))
            {
                deleted++;
            }
        }

        return Task.FromResult(deleted);
    }

    /// <summary>Deletes a blob as an outside hand would (a test of what follows a lost blob).</summary>
    public void Remove(string id) => _blobs.TryRemove(id, out _);
}

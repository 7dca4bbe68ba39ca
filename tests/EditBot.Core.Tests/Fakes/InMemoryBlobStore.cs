using System.Collections.Concurrent;
using System.Security.Cryptography;
using EditBot.Core.Storage;

namespace EditBot.Core.Tests.Fakes;

/// <summary>Content-addressed in-memory blobs (lowercase hex SHA-256 ids), as the contract says.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, Blob> _blobs = new();

    public int Count => _blobs.Count;

    public Task<string> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        _blobs.TryAdd(id, new Blob(id, mediaType, content.ToArray()));
        return Task.FromResult(id);
    }

    public Task<Blob?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_blobs.GetValueOrDefault(id));

    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => Task.FromResult(0);

    public void Remove(string id) => _blobs.TryRemove(id, out _);
}

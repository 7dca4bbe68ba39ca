using System.Collections.Concurrent;
using System.Security.Cryptography;
using EditBot.Core.Storage;

namespace EditBot.Tests.Moderation.Discord.Support;

public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, Blob> blobs = new();

    public Task<string> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        blobs[id] = new Blob(id, mediaType, content.ToArray());
        return Task.FromResult(id);
    }

    public Task<Blob?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(blobs.GetValueOrDefault(id));

    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => Task.FromResult(0);
}

using System.Collections.Concurrent;
using EditBot.Core.Storage;

namespace EditBot.TestSupport.Storage;

public sealed class InMemoryKeyValueStore : IKeyValueStore
{
    private readonly ConcurrentDictionary<(string Scope, string Key), string> values = new();

    public int Reads { get; private set; }

    public Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(values.GetValueOrDefault((scope, key)));
    }

    public Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken)
    {
        values[(scope, key)] = value;
        return Task.CompletedTask;
    }

    public Task<bool> CompareAndSetAsync(string scope, string key, string? expected, string value, CancellationToken cancellationToken) =>
        Task.FromResult(expected is null ? values.TryAdd((scope, key), value) : values.TryUpdate((scope, key), value, expected));

    public Task<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken) =>
        Task.FromResult(values.TryRemove((scope, key), out _));

    public Task<IReadOnlyDictionary<string, string>> ListAsync(string scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(values.Where(p => p.Key.Scope == scope).ToDictionary(p => p.Key.Key, p => p.Value));
}

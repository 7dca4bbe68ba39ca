namespace EditBot.Core.Storage;

/// <summary>
/// Small durable settings (per-server rules, the hash of registered commands). Values are JSON owned by the caller.
/// </summary>
public interface IKeyValueStore
{
    Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken);

    Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> ListAsync(string scope, CancellationToken cancellationToken);
}

namespace EditBot.Core.Storage;

/// <summary>
/// Small durable settings (per-server rules, the hash of registered commands). Values are JSON owned by the caller.
/// </summary>
public interface IKeyValueStore
{
    Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken);

    Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="value"/> only when the stored value is still <paramref name="expected"/> (null: no value
    /// stored), in one statement, so two instances changing the same record cannot overwrite each other unseen.
    /// False when another writer got there first: read again, apply the change again, retry.
    /// </summary>
    Task<bool> CompareAndSetAsync(string scope, string key, string? expected, string value, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> ListAsync(string scope, CancellationToken cancellationToken);
}

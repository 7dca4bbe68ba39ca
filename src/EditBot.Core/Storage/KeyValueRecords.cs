using System.Text.Json;

namespace EditBot.Core.Storage;

/// <summary>
/// Typed records of one scope of the <see cref="IKeyValueStore"/>, stored as JSON (web defaults). A record that no
/// longer reads (its shape changed) counts as absent rather than breaking the caller.
/// </summary>
public sealed class KeyValueRecords<T>(IKeyValueStore store, string scope)
    where T : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SetAsync(string key, T value, CancellationToken cancellationToken) =>
        store.SetAsync(scope, key, JsonSerializer.Serialize(value, Json), cancellationToken);

    public async Task<T?> GetAsync(string key, CancellationToken cancellationToken) =>
        Parse(await store.GetAsync(scope, key, cancellationToken));

    /// <summary>
    /// Applies <paramref name="change"/> to the stored record and writes the result only if nobody changed the record
    /// meanwhile (compare-and-set on what was read); when someone did, applies it again to what they wrote.
    /// </summary>
    /// <returns>The record as written, or null when <paramref name="change"/> declined (returned null) or the record is absent.</returns>
    public async Task<T?> UpdateAsync(string key, Func<T, T?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            var raw = await store.GetAsync(scope, key, cancellationToken);
            if (Parse(raw) is not { } current || change(current) is not { } changed)
            {
                return null;
            }

            if (await store.CompareAndSetAsync(scope, key, raw, JsonSerializer.Serialize(changed, Json), cancellationToken))
            {
                return changed;
            }
        }
    }

    /// <summary>Every record of the scope by key; one that no longer reads is listed as null.</summary>
    public async Task<IReadOnlyList<(string Key, T? Value)>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(scope, cancellationToken)).Select(entry => (entry.Key, Parse(entry.Value)))];

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken) => store.DeleteAsync(scope, key, cancellationToken);

    private static T? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

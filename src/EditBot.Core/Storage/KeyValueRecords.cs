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

    public async Task<T?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(scope, key, cancellationToken);
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

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken) => store.DeleteAsync(scope, key, cancellationToken);
}

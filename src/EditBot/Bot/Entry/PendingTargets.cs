using System.Text.Json;
using EditBot.Core.Storage;

namespace EditBot.Bot.Entry;

/// <summary>Stores <see cref="PendingTarget"/>s by key (the command's interaction id), so any instance can take the modal submit.</summary>
public sealed class PendingTargets(IKeyValueStore store)
{
    public const string Scope = "discord-pending-targets";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveAsync(string key, PendingTarget target, CancellationToken cancellationToken) =>
        store.SetAsync(Scope, key, JsonSerializer.Serialize(target, Json), cancellationToken);

    public async Task<PendingTarget?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(Scope, key, cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<PendingTarget>(json, Json);
    }

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken) => store.DeleteAsync(Scope, key, cancellationToken);
}

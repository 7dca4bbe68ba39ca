using EditBot.Core.Storage;

namespace EditBot.Bot.Entry;

/// <summary>Stores <see cref="PendingTarget"/>s by key (the command's interaction id), so any instance can take the modal submit.</summary>
public sealed class PendingTargets(IKeyValueStore store)
{
    public const string Scope = "discord-pending-targets";
    private readonly KeyValueRecords<PendingTarget> _records = new(store, Scope);

    public Task SaveAsync(string key, PendingTarget target, CancellationToken cancellationToken) => _records.SetAsync(key, target, cancellationToken);

    public Task<PendingTarget?> GetAsync(string key, CancellationToken cancellationToken) => _records.GetAsync(key, cancellationToken);

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken) => _records.RemoveAsync(key, cancellationToken);
}

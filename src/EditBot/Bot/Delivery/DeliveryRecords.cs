using EditBot.Core.Storage;

namespace EditBot.Bot.Delivery;

/// <summary>Loads and saves <see cref="DeliveryRecord"/>s by job id.</summary>
public sealed class DeliveryRecords(IKeyValueStore store)
{
    public const string Scope = "discord-delivery";
    private readonly KeyValueRecords<DeliveryRecord> _records = new(store, Scope);

    public async Task<DeliveryRecord> GetAsync(Guid jobId, CancellationToken cancellationToken) =>
        await _records.GetAsync(jobId.ToString("N"), cancellationToken) ?? new DeliveryRecord();

    public Task SaveAsync(Guid jobId, DeliveryRecord record, CancellationToken cancellationToken) =>
        _records.SetAsync(jobId.ToString("N"), record, cancellationToken);
}

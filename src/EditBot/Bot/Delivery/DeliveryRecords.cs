using System.Text.Json;
using EditBot.Core.Storage;

namespace EditBot.Bot.Delivery;

/// <summary>Loads and saves <see cref="DeliveryRecord"/>s by job id.</summary>
public sealed class DeliveryRecords(IKeyValueStore store)
{
    public const string Scope = "discord-delivery";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DeliveryRecord> GetAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(Scope, jobId.ToString("N"), cancellationToken);
        return json is null ? new DeliveryRecord() : JsonSerializer.Deserialize<DeliveryRecord>(json, Json) ?? new DeliveryRecord();
    }

    public Task SaveAsync(Guid jobId, DeliveryRecord record, CancellationToken cancellationToken) =>
        store.SetAsync(Scope, jobId.ToString("N"), JsonSerializer.Serialize(record, Json), cancellationToken);
}

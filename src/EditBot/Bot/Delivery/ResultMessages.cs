using System.Globalization;
using System.Text.Json;
using EditBot.Core.Storage;

namespace EditBot.Bot.Delivery;

/// <summary>
/// Maps the bot's result message ids to their job and results (scope "discord-result-messages"), so a reply to a
/// result ("@EditBot darker sky") and "Edit this" find the image in the blob store without reading message content.
/// </summary>
public sealed class ResultMessages(IKeyValueStore store)
{
    public const string Scope = "discord-result-messages";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveAsync(ulong messageId, ResultMessage message, CancellationToken cancellationToken) =>
        store.SetAsync(Scope, Key(messageId), JsonSerializer.Serialize(message, Json), cancellationToken);

    public async Task<ResultMessage?> FindAsync(ulong messageId, CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(Scope, Key(messageId), cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ResultMessage>(json, Json);
    }

    public Task<bool> ForgetAsync(ulong messageId, CancellationToken cancellationToken) => store.DeleteAsync(Scope, Key(messageId), cancellationToken);

    private static string Key(ulong messageId) => messageId.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using EditBot.Core.Storage;

namespace EditBot.Bot.Delivery;

/// <summary>
/// Maps the bot's result message ids to their job and results (scope "discord-result-messages"), so a reply to a
/// result ("@EditBot darker sky") and "Edit this" find the image in the blob store without reading message content.
/// </summary>
public sealed class ResultMessages(IKeyValueStore store)
{
    public const string Scope = "discord-result-messages";
    private readonly KeyValueRecords<ResultMessage> _records = new(store, Scope);

    public Task SaveAsync(ulong messageId, ResultMessage message, CancellationToken cancellationToken) =>
        _records.SetAsync(Key(messageId), message, cancellationToken);

    public Task<ResultMessage?> FindAsync(ulong messageId, CancellationToken cancellationToken) => _records.GetAsync(Key(messageId), cancellationToken);

    public Task<bool> ForgetAsync(ulong messageId, CancellationToken cancellationToken) => _records.RemoveAsync(Key(messageId), cancellationToken);

    private static string Key(ulong messageId) => messageId.ToString(CultureInfo.InvariantCulture);
}

using System.Text.Json;
using EditBot.Discord.Models;

namespace EditBot.Discord.Rest;

/// <summary>Channel messages.</summary>
public sealed partial class DiscordRestClient
{
    private const string MessagesTemplate = "/channels/{channel_id}/messages";
    private const string MessageTemplate = "/channels/{channel_id}/messages/{message_id}";

    /// <summary>Posts a message; with files, as multipart. Sends <c>allowed_mentions {"parse":[]}</c> unless the body sets one.</summary>
    public Task<Message> CreateMessageAsync(
        ulong channelId, MessageBody body, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default) =>
        SendMessageAsync(
            DiscordRoute.Channel(HttpMethod.Post, MessagesTemplate, channelId, $"/channels/{channelId}/messages"), body, files, cancellationToken);

    /// <summary>Edits a message; new files are added to those listed in <see cref="MessageBody.Attachments"/>.</summary>
    public Task<Message> EditMessageAsync(
        ulong channelId, ulong messageId, MessageBody body, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default) =>
        SendMessageAsync(
            DiscordRoute.Channel(HttpMethod.Patch, MessageTemplate, channelId, $"/channels/{channelId}/messages/{messageId}"),
            body, files, cancellationToken);

    public Task<Message> GetMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default) =>
        GetJsonAsync(
            DiscordRoute.Channel(HttpMethod.Get, MessageTemplate, channelId, $"/channels/{channelId}/messages/{messageId}"),
            DiscordJsonContext.Default.Message, cancellationToken);

    /// <summary>The channel's newest messages, newest first (<paramref name="limit"/> 1-100).</summary>
    public Task<IReadOnlyList<Message>> GetRecentMessagesAsync(ulong channelId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        return GetJsonAsync(
            DiscordRoute.Channel(HttpMethod.Get, MessagesTemplate, channelId, $"/channels/{channelId}/messages?limit={limit}"),
            DiscordJsonContext.Default.IReadOnlyListMessage, cancellationToken);
    }

    public Task DeleteMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(
            DiscordRoute.Channel(HttpMethod.Delete, MessageTemplate, channelId, $"/channels/{channelId}/messages/{messageId}"), cancellationToken);

    private async Task<Message> SendMessageAsync(
        DiscordRoute route, MessageBody body, IReadOnlyList<DiscordFile>? files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var prepared = PrepareBody(body, files);
        var json = JsonSerializer.SerializeToUtf8Bytes(prepared, DiscordJsonContext.Default.MessageBody);
        using var response = await SendAsync(route, () => Content(json, files), cancellationToken);
        return await ReadAsync(response, DiscordJsonContext.Default.Message, cancellationToken);
    }

    /// <summary>Fills the defaults every message body gets: no pings unless asked, and an attachments entry per file.</summary>
    internal static MessageBody PrepareBody(MessageBody body, IReadOnlyList<DiscordFile>? files) => body with
    {
        AllowedMentions = body.AllowedMentions ?? AllowedMentions.None,
        Attachments = WithUploads(body.Attachments, files),
    };

    internal static IReadOnlyList<AttachmentReference>? WithUploads(IReadOnlyList<AttachmentReference>? existing, IReadOnlyList<DiscordFile>? files)
    {
        if (files is null || files.Count == 0)
        {
            return existing;
        }

        var list = new List<AttachmentReference>(existing ?? []);
        for (var i = 0; i < files.Count; i++)
        {
            list.Add(new AttachmentReference { Id = (ulong)i, Filename = files[i].FileName, Description = files[i].Description });
        }

        return list;
    }

    private static HttpContent Content(byte[] json, IReadOnlyList<DiscordFile>? files) =>
        files is { Count: > 0 } ? MultipartBodyBuilder.Build(json, files) : JsonContent(json);
}

using EditBot.Discord.Models;

namespace EditBot.Discord.Rest;

/// <summary>Channels, DMs and threads.</summary>
public sealed partial class DiscordRestClient
{
    public Task<Channel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken = default) =>
        GetJsonAsync(
            DiscordRoute.Channel(HttpMethod.Get, "/channels/{channel_id}", channelId, $"/channels/{channelId}"),
            DiscordJsonContext.Default.Channel, cancellationToken);

    /// <summary>Opens (or returns the existing) DM channel with a user.</summary>
    public Task<Channel> CreateDmChannelAsync(ulong userId, CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            DiscordRoute.Plain(HttpMethod.Post, "/users/@me/channels"), new CreateDmRequest { RecipientId = userId },
            DiscordJsonContext.Default.CreateDmRequest, DiscordJsonContext.Default.Channel, cancellationToken);

    /// <summary>Starts a public thread on a message; the thread's id equals the message id.</summary>
    /// <param name="autoArchiveMinutes">60, 1440, 4320 or 10080.</param>
    public Task<Channel> StartThreadFromMessageAsync(
        ulong channelId, ulong messageId, string name, int? autoArchiveMinutes = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            DiscordRoute.Channel(
                HttpMethod.Post, "/channels/{channel_id}/messages/{message_id}/threads", channelId, $"/channels/{channelId}/messages/{messageId}/threads"),
            new StartThreadRequest { Name = ThreadName(name), AutoArchiveDuration = autoArchiveMinutes },
            DiscordJsonContext.Default.StartThreadRequest, DiscordJsonContext.Default.Channel, cancellationToken);

    /// <summary>Creates a post (a thread with a first message) in a forum or media channel.</summary>
    public async Task<Channel> StartForumThreadAsync(
        ulong channelId, string name, MessageBody message, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new StartThreadRequest { Name = ThreadName(name), Message = PrepareBody(message, files) with { MessageReference = null } };
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, DiscordJsonContext.Default.StartThreadRequest);
        var route = DiscordRoute.Channel(HttpMethod.Post, "/channels/{channel_id}/threads", channelId, $"/channels/{channelId}/threads");
        using var response = await SendAsync(route, () => Content(json, files), cancellationToken);
        return await ReadAsync(response, DiscordJsonContext.Default.Channel, cancellationToken);
    }

    /// <summary>Thread names are 1–100 characters.</summary>
    internal static string ThreadName(string name)
    {
        var trimmed = string.IsNullOrWhiteSpace(name) ? "Edit" : name.Trim();
        return trimmed.Length <= 100 ? trimmed : trimmed[..99] + "…";
    }
}

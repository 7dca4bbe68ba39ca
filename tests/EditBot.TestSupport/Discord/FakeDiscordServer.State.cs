using Microsoft.AspNetCore.Http;
using SkiaSharp;

namespace EditBot.TestSupport.Discord;

/// <summary>The in-memory world of the fake and the switches tests turn.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<ulong, FakeChannel> _channels = [];
    private readonly Dictionary<ulong, FakeMessage> _messages = [];
    private readonly Dictionary<ulong, FakeAttachment> _attachments = [];
    private readonly HashSet<ulong> _threadDenied = [];
    private readonly HashSet<ulong> _forbidden = [];

    public ulong ApplicationId { get; set; }

    /// <summary>The bot's user id (defaults to the application id, as on Discord).</summary>
    public ulong BotUserId { get; set; }

    public ulong DefaultGuildId { get; }

    /// <summary>Answered by <c>GET /gateway/bot</c>.</summary>
    public Uri GatewayUrl { get; set; } = new("ws://127.0.0.1:9/");

    public int GatewayShards { get; set; } = 1;

    /// <summary>
    /// The session-start budget <c>GET /gateway/bot</c> reports; a harness that runs a fake gateway too gives both the
    /// same one (<see cref="Gateway.FakeDiscordGateway.SessionStarts"/>) so the gateway enforces what the bot is told.
    /// </summary>
    public Gateway.FakeSessionStartBudget SessionStarts { get; set; }

    public int SessionStartTotal { get => SessionStarts.Total; set => SessionStarts.Total = value; }

    public int SessionStartRemaining { get => SessionStarts.Remaining; set => SessionStarts.Remaining = value; }

    public TimeSpan SessionStartResetAfter { get => SessionStarts.ResetAfter; set => SessionStarts.ResetAfter = value; }

    public int MaxConcurrency { get; set; } = 1;

    /// <summary>
    /// Whether the bot has the privileged MESSAGE_CONTENT intent. Off by default, as the bot ships: fetched messages
    /// and the messages <see cref="ToMessageJson"/> builds lose content, attachments, embeds and components unless the
    /// bot wrote them, they mention it, reply to its own message or are in a DM. A test that runs the bot with
    /// <c>Discord:MessageContentIntent</c> turns it on in its own setup.
    /// </summary>
    public bool MessageContentIntent { get; set; }

    /// <summary>The inverse of <see cref="MessageContentIntent"/> (kept for tests that say so explicitly).</summary>
    public bool SimulateMissingMessageContentIntent { get => !MessageContentIntent; set => MessageContentIntent = !value; }

    /// <summary>Answers for channels the bot cannot even see, 403 50001.</summary>
    public void ForbidChannel(ulong channelId)
    {
        lock (_sync)
        {
            _forbidden.Add(channelId);
        }
    }

    /// <summary>Thread creation in this channel answers 403 50013 (no CREATE_PUBLIC_THREADS).</summary>
    public void DenyThreadCreation(ulong channelId)
    {
        lock (_sync)
        {
            _threadDenied.Add(channelId);
        }
    }

    /// <summary>Adds a channel; guild channels default to <see cref="DefaultGuildId"/>.</summary>
    public FakeChannel AddChannel(int type = 0, ulong? parentId = null, string? name = null, ulong? guildId = null, ulong? id = null)
    {
        lock (_sync)
        {
            var channelId = id ?? NextId();
            var channel = new FakeChannel(channelId, type, type == 1 ? null : guildId ?? DefaultGuildId, parentId, name ?? "channel-" + channelId)
            {
                LastActivity = _timeProvider.GetUtcNow(),
            };
            _channels[channelId] = channel;
            return channel;
        }
    }

    /// <summary>Adds a message by a user (or the bot) with optional attachments made by <see cref="AddAttachment"/>.</summary>
    public FakeMessage AddMessage(
        ulong channelId, string content = "", ulong? authorId = null, IEnumerable<FakeAttachment>? attachments = null, ulong? replyTo = null, bool byBot = false)
    {
        lock (_sync)
        {
            var message = new FakeMessage(NextId(), channelId, byBot ? BotUserId : authorId ?? NextId(), byBot) { Content = content, ReferencedMessageId = replyTo };
            message.Attachments.AddRange(attachments ?? []);
            _messages[message.Id] = message;
            return message;
        }
    }

    /// <summary>
    /// Adds a forward of <paramref name="original"/> (which may be in another channel or server): as on Discord it has
    /// no content or files of its own, a <c>message_reference</c> of type 1 with the original's ids, and the original's
    /// content and files in <c>message_snapshots</c>.
    /// </summary>
    public FakeMessage AddForwardedMessage(ulong channelId, FakeMessage original, ulong? authorId = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        lock (_sync)
        {
            var snapshot = FakeSnapshot.Of(original, _channels.GetValueOrDefault(original.ChannelId)?.GuildId);
            var message = new FakeMessage(NextId(), channelId, authorId ?? NextId(), false) { Forwarded = snapshot };
            _messages[message.Id] = message;
            return message;
        }
    }

    /// <summary>
    /// Stores a file and serves it at the returned attachment's URL (images get their width and height). Call after
    /// <see cref="StartAsync"/>: the URL carries the server's port.
    /// </summary>
    public FakeAttachment AddAttachment(string filename, byte[] bytes, string contentType = "image/png")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var id = NextId();
        var (width, height) = contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? ImageSize(bytes) : (null, null);
        var url = new Uri(BaseUrl, $"attachments/{DefaultGuildId}/{id}/{Uri.EscapeDataString(filename)}?ex=6700000a&is=67000000&hm=f4k3");
        var attachment = new FakeAttachment(id, filename, contentType, bytes, width, height, url);
        lock (_sync)
        {
            _attachments[id] = attachment;
        }

        return attachment;
    }

    public FakeChannel? GetChannel(ulong id)
    {
        lock (_sync)
        {
            return _channels.GetValueOrDefault(id);
        }
    }

    public FakeMessage? GetMessage(ulong id)
    {
        lock (_sync)
        {
            return _messages.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// A message as Discord would send it to the bot (e.g. to build a MESSAGE_CREATE dispatch or a button's message),
    /// without its content unless the MESSAGE_CONTENT rules let the bot see it. <paramref name="fullContent"/> is for
    /// where Discord always includes it: the target of a message command (<c>resolved.messages</c>), or a test that
    /// says Discord included it where that is undocumented.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject ToMessageJson(FakeMessage message, bool fullContent = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_sync)
        {
            return MessageJson(message, forFetch: !fullContent);
        }
    }

    /// <summary>Every message (not deleted) in every channel and thread, oldest first.</summary>
    public IReadOnlyList<FakeMessage> AllMessages()
    {
        lock (_sync)
        {
            return [.. _messages.Values.Where(m => !m.Deleted).OrderBy(m => m.Id)];
        }
    }

    /// <summary>Messages (not deleted) in a channel, oldest first.</summary>
    public IReadOnlyList<FakeMessage> MessagesIn(ulong channelId)
    {
        lock (_sync)
        {
            return [.. _messages.Values.Where(m => m.ChannelId == channelId && !m.Deleted).OrderBy(m => m.Id)];
        }
    }

    public IReadOnlyList<FakeDiscordRequest> Requests
    {
        get
        {
            lock (_sync)
            {
                return [.. _requests];
            }
        }
    }

    private static (int?, int?) ImageSize(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        return codec is null ? (null, null) : (codec.Info.Width, codec.Info.Height);
    }

    private int _attachmentFetches;

    /// <summary>Requests for attachment files (the CDN side), served or not: what a refused request must not cause.</summary>
    public int AttachmentFetches => Volatile.Read(ref _attachmentFetches);

    private async Task ServeAttachmentAsync(HttpContext context, string path)
    {
        Interlocked.Increment(ref _attachmentFetches);
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        FakeAttachment? attachment = null;
        if (parts.Length >= 3 && ulong.TryParse(parts[2], out var id))
        {
            lock (_sync)
            {
                attachment = _attachments.GetValueOrDefault(id);
            }
        }

        if (attachment is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = attachment.ContentType;
        context.Response.ContentLength = attachment.Bytes.Length;
        await context.Response.Body.WriteAsync(attachment.Bytes);
    }
}

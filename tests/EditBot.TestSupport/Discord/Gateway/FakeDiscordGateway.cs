using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>
/// A Discord gateway on 127.0.0.1 speaking the real JSON wire protocol: HELLO, READY (with a resume_gateway_url
/// pointing back here under another path), heartbeat acks, RESUME with replay of every missed dispatch, and on demand op 7, op 9,
/// any close code or an abrupt TCP drop. Everything the client sends is recorded for assertions.
/// </summary>
public sealed partial class FakeDiscordGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly Dictionary<string, FakeGatewaySession> _sessions = [];
    private readonly List<GatewayIdentifyRecord> _identifies = [];
    private readonly List<GatewayResumeRecord> _resumes = [];
    private readonly List<GatewayHeartbeatRecord> _heartbeats = [];
    private readonly List<int?> _clientCloses = [];
    private readonly List<int> _serverCloses = [];
    private readonly Dictionary<int, DateTimeOffset> _lastIdentifyByBucket = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connectionCount;
    private int _sessionCounter;

    private FakeDiscordGateway(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        SessionStarts = new FakeSessionStartBudget(time);
    }

    /// <summary>ws://127.0.0.1:port/ : give it to the client as the gateway URL (its /gateway/bot answer).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>heartbeat_interval sent in HELLO (ms); tests use short ones.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>Switch off to make the connection a zombie (heartbeats never acknowledged).</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    /// <summary>Number of next connections that get no HELLO (a gateway that accepts the socket and then hangs).</summary>
    public int WithholdHelloConnections { get; set; }

    internal bool TakeWithheldHello()
    {
        lock (_lock)
        {
            if (WithholdHelloConnections <= 0)
            {
                return false;
            }

            WithholdHelloConnections--;
            return true;
        }
    }

    /// <summary>When set, every message is sent split into WebSocket frames of this many bytes.</summary>
    public int? FragmentSize { get; set; }

    /// <summary>When set, IDENTIFY/RESUME with another token is closed with 4004.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>When false, IDENTIFY asking for MESSAGE_CONTENT (1 &lt;&lt; 15) is closed with 4014, like a bot without the portal switch.</summary>
    public bool MessageContentIntentAllowed { get; set; } = true;

    public string BotUserId { get; set; } = "1100000000000000001";

    public string BotUsername { get; set; } = "EditBot";

    public string ApplicationId { get; set; } = "1100000000000000001";

    /// <summary>Guild ids listed (as unavailable) in READY.</summary>
    public IReadOnlyList<string> GuildIds { get; set; } = [];

    /// <summary>What a fake /gateway/bot should answer: recommended shards, max_concurrency, session start budget.</summary>
    public int Shards { get; set; } = 1;

    public int MaxConcurrency { get; set; } = 1;

    /// <summary>
    /// The daily session starts each IDENTIFY spends (share it with the fake REST API's <c>GET /gateway/bot</c>);
    /// see <see cref="IdentifyAsync"/> for what happens when none is left.
    /// </summary>
    public FakeSessionStartBudget SessionStarts { get; set; } = null!;

    public int SessionStartRemaining { get => SessionStarts.Remaining; set => SessionStarts.Remaining = value; }

    public IReadOnlyList<GatewayIdentifyRecord> Identifies => Snapshot(_identifies);

    public IReadOnlyList<GatewayResumeRecord> Resumes => Snapshot(_resumes);

    public IReadOnlyList<GatewayHeartbeatRecord> Heartbeats => Snapshot(_heartbeats);

    /// <summary>Close codes the client sent (null: close frame without a code).</summary>
    public IReadOnlyList<int?> ClientCloseCodes => Snapshot(_clientCloses);

    /// <summary>WebSocket connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Connections open now that have an identified or resumed session (events reach them).</summary>
    public int LiveSessionCount
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count(c => c.IsOpen && c.Session is { Invalidated: false });
            }
        }
    }

    public static async Task<FakeDiscordGateway> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeDiscordGateway(app, time ?? TimeProvider.System);
        app.UseWebSockets();
        app.Run(gateway.AcceptAsync);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        gateway.Url = new Uri($"ws://{address.Host}:{address.Port}/");
        return gateway;
    }

    private async Task AcceptAsync(HttpContext http)
    {
        if (RefuseWhileDown(http))
        {
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var connection = new FakeGatewayConnection(this, socket, http);
        lock (_lock)
        {
            _connections.Add(connection);
            _connectionCount++;
        }

        Signal();
        try
        {
            await connection.RunAsync();
        }
        finally
        {
            lock (_lock)
            {
                _connections.Remove(connection);
            }

            Signal();
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        DropConnections();
        await _app.StopAsync();
        await _app.DisposeAsync();
        lock (_lock)
        {
            foreach (var session in _sessions.Values)
            {
                session.Dispose();
            }
        }
    }
}

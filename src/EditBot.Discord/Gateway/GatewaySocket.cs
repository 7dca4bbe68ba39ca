using System.Buffers;
using System.Net.WebSockets;

namespace EditBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection to the gateway: reassembles messages split over several frames into a pooled buffer,
/// serializes sends (the socket allows one at a time) and applies the per-connection send limit.
/// </summary>
internal sealed class GatewaySocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly int _maxMessageBytes;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private ITimer? _abortTimer;

    public GatewaySocket(TimeProvider time, int maxMessageBytes)
    {
        _time = time;
        _maxMessageBytes = maxMessageBytes;
        _limiter = new GatewaySendLimiter(time);
        // Discord's heartbeats are ours; the protocol-level keep-alive would only add traffic.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    /// <summary>The bytes of the last message returned by <see cref="ReceiveAsync"/>; valid until the next receive.</summary>
    public ReadOnlySpan<byte> Current(GatewayMessage message) => _buffer.AsSpan(0, message.Length);

    public async Task ConnectAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        await _socket.ConnectAsync(url, linked.Token);
    }

    public async Task<GatewayMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (_buffer.Length - length < 16 * 1024)
            {
                Grow(length);
            }

            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new GatewayMessage(-1, _socket.CloseStatus ?? WebSocketCloseStatus.Empty, _socket.CloseStatusDescription);
            }

            length += result.Count;
            if (length > _maxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"A gateway message exceeded {_maxMessageBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                return new GatewayMessage(length, null, null);
            }
        }
    }

    /// <summary>Sends one frame; ordinary frames wait for the send limit, heartbeats never do.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> frame, bool isHeartbeat, CancellationToken cancellationToken)
    {
        if (isHeartbeat)
        {
            _limiter.TakeForHeartbeat();
        }
        else
        {
            await _limiter.TakeAsync(cancellationToken);
        }

        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends a close frame without waiting for a receive (safe while another task is receiving) and drops the
    /// connection <paramref name="timeout"/> later if the peer has not answered the close by then.
    /// </summary>
    public async Task BeginCloseAsync(int code, string reason, TimeSpan timeout)
    {
        lock (_socket)
        {
            _abortTimer ??= _time.CreateTimer(static s => ((ClientWebSocket)s!).Abort(), _socket, timeout, Timeout.InfiniteTimeSpan);
        }

        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        try
        {
            await _sendLock.WaitAsync(timeoutSource.Token);
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeoutSource.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone or slow: the abort timer ends the connection either way.
            _socket.Abort();
        }
    }

    /// <summary>Drops the connection at once (no close handshake); a pending receive fails.</summary>
    public void Abort() => _socket.Abort();

    private void Grow(int used)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public async ValueTask DisposeAsync()
    {
        if (_abortTimer is not null)
        {
            await _abortTimer.DisposeAsync();
        }

        _socket.Dispose();
        _sendLock.Dispose();
        _limiter.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}

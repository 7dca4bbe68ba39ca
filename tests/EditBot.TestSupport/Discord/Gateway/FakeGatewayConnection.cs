using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>One client connection to the fake gateway: HELLO, then identify/resume/heartbeat handling until it ends.</summary>
internal sealed class FakeGatewayConnection(FakeDiscordGateway gateway, WebSocket socket, HttpContext http) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private ITimer? _heartbeatDeadline;

    public FakeGatewaySession? Session { get; private set; }

    public bool IsOpen => socket.State == WebSocketState.Open;

    public async Task RunAsync()
    {
        try
        {
            if (FakeDiscordGateway.RefusedQuery(http.Request) is var (code, reason))
            {
                await TryCloseAsync(code, reason);
                return;
            }

            if (gateway.TakeWithheldHello())
            {
                // Hangs: reads until the client gives up and closes (or aborts) the socket.
                while ((await ReceiveAsync()).Message is not null)
                {
                }

                return;
            }

            await TrySendAsync(FakeGatewayFrames.Hello(gateway.HeartbeatIntervalMs));
            if (gateway.EnforceHeartbeatDeadline)
            {
                _heartbeatDeadline = gateway.Time.CreateTimer(
                    static state => _ = ((FakeGatewayConnection)state!).MissedHeartbeatAsync(), this, gateway.HeartbeatDeadline, Timeout.InfiniteTimeSpan);
            }

            while (true)
            {
                var (message, closeStatus) = await ReceiveAsync();
                if (message is null)
                {
                    gateway.RecordClientClose(closeStatus, Session);
                    await TryCloseAsync(closeStatus ?? 1000, "bye");
                    return;
                }

                await HandleAsync(JsonNode.Parse(message)!.AsObject());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Dropped by the client or by DropConnections.
        }
        finally
        {
            if (_heartbeatDeadline is not null)
            {
                await _heartbeatDeadline.DisposeAsync();
            }

            Session?.Detach(this);
        }
    }

    /// <summary>
    /// No heartbeat in time: Discord drops such a connection; the fake closes it with 4009 (session timed out) and
    /// ends its session, the strictest reading, so a client that stops beating (for instance while it waits to
    /// identify) has to start over and its test sees it.
    /// </summary>
    private async Task MissedHeartbeatAsync()
    {
        if (Session is { } session)
        {
            session.Invalidated = true;
        }

        await TryCloseAsync(4009, "Session timed out.");
    }

    private async Task HandleAsync(JsonObject frame)
    {
        var data = frame["d"];
        switch ((int)frame["op"]!)
        {
            case 1:
                gateway.RecordHeartbeat(data is null ? null : (long?)data);
                _heartbeatDeadline?.Change(gateway.HeartbeatDeadline, Timeout.InfiniteTimeSpan);
                if (gateway.AcknowledgeHeartbeats)
                {
                    await TrySendAsync(FakeGatewayFrames.HeartbeatAck());
                }

                break;
            case 2:
                Session = await gateway.IdentifyAsync(this, data!.AsObject());
                break;
            case 6:
                Session = await gateway.ResumeAsync(this, data!.AsObject(), FakeDiscordGateway.CameToResumeUrl(http.Request));
                break;
            default:
                await TryCloseAsync(4001, "Unknown opcode.");
                break;
        }
    }

    public async Task TrySendAsync(byte[] frame)
    {
        await _sendLock.WaitAsync();
        try
        {
            var fragment = gateway.FragmentSize is > 0 and var size ? size : frame.Length;
            for (var offset = 0; offset < frame.Length; offset += fragment)
            {
                var length = Math.Min(fragment, frame.Length - offset);
                await socket.SendAsync(frame.AsMemory(offset, length), WebSocketMessageType.Text, offset + length >= frame.Length, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The client is gone; the session keeps the event for a resume.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task TryCloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                if (socket.State == WebSocketState.Open)
                {
                    gateway.RecordServerClose(code); // the fake's own decision, not the echo of a client close
                }

                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            // Already gone.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Ends the TCP connection without a close frame, like a network failure.</summary>
    public void Drop()
    {
        try
        {
            http.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request ended while the drop was on its way (the client closed first): nothing left to drop.
        }
    }

    private async Task<(byte[]? Message, int? CloseStatus)> ReceiveAsync()
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, (int?)socket.CloseStatus);
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (buffer.ToArray(), null);
            }
        }
    }

    // The send lock is deliberately not disposed: a dispatch racing the end of the connection may still be inside
    // TrySendAsync and release it (that raced into ObjectDisposedException). Without its wait handle, which is never
    // used here, a SemaphoreSlim holds nothing that needs disposing.
    public void Dispose()
    {
    }
}

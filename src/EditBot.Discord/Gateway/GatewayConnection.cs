using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Gateway;

/// <summary>
/// One connection of a shard, from connect to close: HELLO, then the receive loop and heartbeats, with IDENTIFY or
/// RESUME sent alongside (identify may wait for its slot). It decides
/// how the connection ended; <see cref="GatewayShard"/> decides when to try again.
/// </summary>
internal sealed partial class GatewayConnection(GatewayShardContext context, GatewaySession session)
{
    private bool _reachedReady;

    public async Task<GatewayConnectionOutcome> RunAsync(Uri url, CancellationToken stopping)
    {
        await using var socket = new GatewaySocket(context.Time, context.Options.MaxMessageBytes);
        using var connectionEnd = new CancellationTokenSource();
        var heartbeat = new GatewayHeartbeat(socket, session, context);
        var heartbeatTask = Task.CompletedTask;
        try
        {
            await socket.ConnectAsync(url, context.Options.ConnectTimeout, stopping);
            context.State.SetConnected(true);
            // Stopping must not cancel the receive (that would abort the socket): it sends close 1000 instead,
            // which ends the session, and the receive loop sees the gateway's answering close.
            await using var stopRegistration = stopping.Register(() =>
                _ = socket.BeginCloseAsync(1000, "shutting down", context.Options.CloseTimeout));

            if (await ReceiveHelloAsync(socket, stopping) is not { } hello)
            {
                return new(GatewayConnectionEnd.Resume, $"no HELLO within {context.Options.HelloTimeout}", null, false);
            }

            if (hello.IsClose)
            {
                return Closed(hello, stopping);
            }

            var helloFrame = GatewayFrameDecoder.Decode(socket.Current(hello));
            if (helloFrame.Opcode != GatewayOpcode.Hello)
            {
                return new(GatewayConnectionEnd.Resume, $"expected HELLO, got op {helloFrame.Opcode}", null, false);
            }

            var interval = ReadyPayloadReader.ReadHeartbeatInterval(helloFrame.Data(socket.Current(hello)));
            heartbeatTask = heartbeat.RunAsync(interval, connectionEnd.Token);
            // Receive from HELLO on, not from IDENTIFY on: waiting for the identify slot can outlast a heartbeat
            // interval, and acks nobody reads would make the heartbeat call a healthy connection a zombie, drop it
            // and lose the slot it waited for, again and again.
            var receiving = ReceiveUntilEndAsync(socket, heartbeat, connectionEnd, stopping);
            await AuthenticateWhileReceivingAsync(socket, connectionEnd.Token, stopping);
            return await receiving;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await socket.BeginCloseAsync(1000, "shutting down", context.Options.CloseTimeout);
            return new(GatewayConnectionEnd.Stopped, "stopping", 1000, _reachedReady);
        }
        // Anything the network or a malformed frame can throw ends this connection only; the shard reconnects.
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException or HttpRequestException
            or IOException or InvalidOperationException or FormatException)
        {
            var reason = heartbeat.IsZombie ? "heartbeat ack missing" : $"connection lost ({ex.GetType().Name}: {ex.Message})";
            return new(GatewayConnectionEnd.Resume, reason, null, _reachedReady);
        }
        finally
        {
            await connectionEnd.CancelAsync();
            await heartbeatTask;
            context.State.SetConnected(false);
        }
    }

    /// <summary>
    /// The first frame, or null when none came within <see cref="GatewayClientOptions.HelloTimeout"/>. Cancelling
    /// the receive aborts the socket, which is what a silent gateway deserves; stopping still closes politely.
    /// </summary>
    private async Task<GatewayMessage?> ReceiveHelloAsync(GatewaySocket socket, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(context.Options.HelloTimeout, context.Time);
        try
        {
            return await socket.ReceiveAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException
            && timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<GatewayConnectionOutcome> ReceiveUntilEndAsync(
        GatewaySocket socket, GatewayHeartbeat heartbeat, CancellationTokenSource connectionEnd, CancellationToken stopping)
    {
        try
        {
            return await ReceiveLoopAsync(socket, heartbeat, stopping);
        }
        finally
        {
            // Also ends an IDENTIFY still waiting for its slot: the slot stays free for the next connection.
            await connectionEnd.CancelAsync();
        }
    }

    /// <summary>IDENTIFY or RESUME while the receive loop runs; how the connection ends is the receive loop's to say.</summary>
    private async Task AuthenticateWhileReceivingAsync(GatewaySocket socket, CancellationToken connectionEnd, CancellationToken stopping)
    {
        using var authenticating = CancellationTokenSource.CreateLinkedTokenSource(connectionEnd, stopping);
        try
        {
            await AuthenticateAsync(socket, authenticating.Token);
        }
        catch (OperationCanceledException) when (authenticating.IsCancellationRequested)
        {
            // The connection ended or the bot stops while IDENTIFY waited: the receive loop has the reason.
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // IDENTIFY/RESUME could not be sent: the connection is broken; make sure the receive loop sees it too.
            socket.Abort();
        }
    }

    private async Task AuthenticateAsync(GatewaySocket socket, CancellationToken stopping)
    {
        if (session.CanResume)
        {
            LogResuming(context.Logger, context.ShardId, GatewayRedaction.SessionId(session.SessionId), session.LastSequence);
            await socket.SendAsync(GatewayPayloadWriter.Resume(context.Token, session.SessionId!, session.LastSequence), false, stopping);
            return;
        }

        await context.IdentifyGate.WaitAsync(context.ShardId, stopping);
        LogIdentifying(context.Logger, context.ShardId, context.ShardCount, context.Intents);
        var identify = GatewayPayloadWriter.Identify(context.Token, context.Intents, context.ShardId, context.ShardCount, context.Options.ClientName);
        await socket.SendAsync(identify, false, stopping);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId} resuming session {SessionId} at sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, int shardId, string sessionId, long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}/{ShardCount} identifying with intents {Intents}")]
    private static partial void LogIdentifying(ILogger logger, int shardId, int shardCount, GatewayIntents intents);
}

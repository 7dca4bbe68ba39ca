using EditBot.Discord.Events;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Gateway;

/// <summary>The receive loop: every frame after HELLO until the connection ends.</summary>
internal sealed partial class GatewayConnection
{
    private async Task<GatewayConnectionOutcome> ReceiveLoopAsync(GatewaySocket socket, GatewayHeartbeat heartbeat, CancellationToken stopping)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync(CancellationToken.None);
            if (message.IsClose)
            {
                return Closed(message, stopping);
            }

            var frame = GatewayFrameDecoder.Decode(socket.Current(message));
            if (frame.Sequence is { } sequence)
            {
                session.Observe(sequence);
            }

            switch (frame.Opcode)
            {
                case GatewayOpcode.Dispatch:
                    await DispatchAsync(frame, frame.Data(socket.Current(message)).ToArray(), stopping);
                    break;
                case GatewayOpcode.Heartbeat:
                    await heartbeat.BeatAsync(stopping);
                    break;
                case GatewayOpcode.HeartbeatAck:
                    heartbeat.Acknowledge();
                    break;
                case GatewayOpcode.Reconnect:
                    await socket.BeginCloseAsync(GatewayCloseCodes.ClientReconnect, "reconnect requested", context.Options.CloseTimeout);
                    return new(GatewayConnectionEnd.Resume, "gateway asked to reconnect (op 7)", null, _reachedReady);
                case GatewayOpcode.InvalidSession:
                    var resumable = ReadyPayloadReader.ReadResumable(frame.Data(socket.Current(message)));
                    await socket.BeginCloseAsync(resumable ? GatewayCloseCodes.ClientReconnect : 1000, "invalid session", context.Options.CloseTimeout);
                    return resumable
                        ? new(GatewayConnectionEnd.Resume, "invalid session, resumable (op 9)", null, _reachedReady)
                        : new(GatewayConnectionEnd.Reidentify, "invalid session, not resumable (op 9)", null, _reachedReady);
                default:
                    context.Logger.LogDebug("Shard {ShardId} ignored gateway op {Opcode}", context.ShardId, frame.Opcode);
                    break;
            }
        }
    }

    private async Task DispatchAsync(GatewayFrame frame, byte[] data, CancellationToken stopping)
    {
        var name = frame.EventName ?? string.Empty;
        if (name == Events.DiscordEventNames.Ready)
        {
            var (sessionId, resumeUrl) = ReadyPayloadReader.Read(data);
            if (sessionId is not null && Uri.TryCreate(resumeUrl, UriKind.Absolute, out var resumeUri))
            {
                session.Start(sessionId, resumeUri);
            }

            MarkReady("ready", GatewayRedaction.SessionId(sessionId));
        }
        else if (name == "RESUMED")
        {
            MarkReady("resumed", GatewayRedaction.SessionId(session.SessionId));
        }

        await context.Events.WriteAsync(new DiscordEvent(name, data, context.ShardId), stopping);
    }

    private void MarkReady(string how, string sessionId)
    {
        _reachedReady = true;
        context.State.SetReady(true);
        context.Logger.LogInformation("Shard {ShardId} {How}, session {SessionId}", context.ShardId, how, sessionId);
    }

    private GatewayConnectionOutcome Closed(GatewayMessage message, CancellationToken stopping)
    {
        var code = (int)(message.CloseStatus ?? System.Net.WebSockets.WebSocketCloseStatus.Empty);
        if (stopping.IsCancellationRequested)
        {
            return new(GatewayConnectionEnd.Stopped, "stopping", code, _reachedReady);
        }

        var reason = $"gateway closed with {code} {message.CloseDescription}".TrimEnd();
        return GatewayCloseCodes.Classify(code) switch
        {
            GatewayCloseAction.Reidentify => new(GatewayConnectionEnd.Reidentify, reason, code, _reachedReady),
            GatewayCloseAction.Stop => new(GatewayConnectionEnd.Fatal, reason, code, _reachedReady),
            _ => new(GatewayConnectionEnd.Resume, reason, code, _reachedReady),
        };
    }
}

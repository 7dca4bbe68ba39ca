using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Gateway;

/// <summary>
/// Heartbeats of one connection: the first after <c>interval × random(0..1)</c> (so shards restarting together do
/// not beat in step), then every interval. A heartbeat still unacknowledged when the next is due means the
/// connection is a zombie: it is closed with a non-1000 code so the session can be resumed on a new one.
/// </summary>
internal sealed class GatewayHeartbeat(GatewaySocket socket, GatewaySession session, GatewayShardContext context)
{
    private int _awaitingAck;
    private long _sentAt;
    private volatile bool _zombie;

    public bool IsZombie => _zombie;

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * context.Options.Jitter(), context.Time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (Volatile.Read(ref _awaitingAck) == 1)
                {
                    _zombie = true;
                    context.Logger.LogWarning(
                        "Shard {ShardId} got no heartbeat ack within {Interval}: reconnecting to resume", context.ShardId, interval);
                    await socket.BeginCloseAsync(GatewayCloseCodes.ClientReconnect, "heartbeat ack missing", context.Options.CloseTimeout);
                    return;
                }

                await BeatAsync(cancellationToken);
                await Task.Delay(interval, context.Time, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The connection ended; the receive loop reports why.
        }
    }

    /// <summary>Sends a heartbeat now (scheduled, or because the gateway asked with op 1).</summary>
    public Task BeatAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _sentAt, context.Time.GetTimestamp());
        Volatile.Write(ref _awaitingAck, 1);
        return socket.SendAsync(GatewayPayloadWriter.Heartbeat(session.LastSequence), isHeartbeat: true, cancellationToken);
    }

    public void Acknowledge()
    {
        if (Interlocked.Exchange(ref _awaitingAck, 0) == 1)
        {
            context.State.SetLatency(context.Time.GetElapsedTime(Interlocked.Read(ref _sentAt)));
        }
    }
}

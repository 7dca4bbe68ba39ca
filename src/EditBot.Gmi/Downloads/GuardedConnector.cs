using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace EditBot.Gmi.Downloads;

/// <summary>
/// Connects a download's socket itself so the address check applies to the address actually connected to: a host
/// that resolves to a public address when checked and a private one when connected (DNS rebinding) gets nowhere.
/// </summary>
internal static class GuardedConnector
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowNonPublic, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowNonPublic ? addresses : addresses.Where(a => !AddressPolicy.IsNonPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new NonPublicAddressException($"{host} resolves only to private or reserved addresses");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            if (!allowNonPublic && socket.RemoteEndPoint is IPEndPoint connected && AddressPolicy.IsNonPublic(connected.Address))
            {
                throw new NonPublicAddressException($"{host} connected to a private or reserved address");
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

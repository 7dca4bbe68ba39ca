using Microsoft.AspNetCore.Http;

namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>
/// A gateway outage: added for the outage-while-running tests, which need Discord to stay away for a while rather
/// than drop one connection. While down, every connection is dropped and every new one refused at the HTTP upgrade
/// (503, as Cloudflare answers when the gateway is down); sessions stay resumable, as after a network failure.
/// </summary>
public sealed partial class FakeDiscordGateway
{
    private volatile bool _down;
    private int _refusedCount;

    /// <summary>Connection attempts refused while down.</summary>
    public int RefusedConnectionCount => Volatile.Read(ref _refusedCount);

    /// <summary>Drops every connection and refuses new ones until <see cref="EndOutage"/>.</summary>
    public void BeginOutage()
    {
        _down = true;
        DropConnections();
    }

    public void EndOutage() => _down = false;

    /// <summary>Answers the upgrade with 503 while down; true when it did.</summary>
    private bool RefuseWhileDown(HttpContext http)
    {
        if (!_down)
        {
            return false;
        }

        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Interlocked.Increment(ref _refusedCount);
        Signal();
        return true;
    }
}

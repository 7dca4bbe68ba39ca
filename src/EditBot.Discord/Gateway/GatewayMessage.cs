using System.Net.WebSockets;

namespace EditBot.Discord.Gateway;

/// <summary>One complete message read from the socket: a frame of <see cref="Length"/> bytes, or the peer's close.</summary>
internal readonly record struct GatewayMessage(int Length, WebSocketCloseStatus? CloseStatus, string? CloseDescription)
{
    public bool IsClose => CloseStatus is not null || Length < 0;
}

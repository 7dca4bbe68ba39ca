using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>A bare WebSocket to the fake gateway, for tests that must send what our shard never would.</summary>
internal sealed class RawGatewaySocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

    public static async Task<RawGatewaySocket> ConnectAsync(Uri url, string query = "?v=10&encoding=json")
    {
        var raw = new RawGatewaySocket();
        await raw._socket.ConnectAsync(new Uri(url, query), raw._timeout.Token);
        return raw;
    }

    /// <summary>The close code the server ended with, once it closes (null until then: a frame was read instead).</summary>
    public int? CloseCode => (int?)_socket.CloseStatus;

    /// <summary>The next whole message, or null when the server closed.</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        using var message = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk, _timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    public Task SendAsync(int op, JsonNode data) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(new JsonObject { ["op"] = op, ["d"] = data }.ToJsonString()), WebSocketMessageType.Text, true, _timeout.Token);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)4000, "test done", CancellationToken.None);
        }

        _socket.Dispose();
        _timeout.Dispose();
    }
}

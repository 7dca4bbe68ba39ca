using System.Text.Json.Nodes;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>
/// The URLs the gateway is reached on: the query Discord requires (<c>v=10&amp;encoding=json</c>) and READY's
/// resume_gateway_url, the only place a RESUME is honoured.
/// </summary>
public sealed class GatewayUrlTests
{
    [Theory]
    [InlineData("", 4012)]
    [InlineData("?encoding=json", 4012)]
    [InlineData("?v=9&encoding=json", 4012)]
    [InlineData("?v=10", 4002)]
    [InlineData("?v=10&encoding=etf", 4002)]
    public async Task A_connection_without_version_10_and_json_encoding_is_closed_before_hello(string query, int code)
    {
        await using var h = await GatewayHarness.CreateAsync();
        await using var socket = await RawGatewaySocket.ConnectAsync(h.Gateway.Url, query);

        Assert.Null(await socket.ReceiveAsync()); // old fake: HELLO (op 10) on any URL
        Assert.Equal(code, socket.CloseCode);
        Assert.Equal([code], h.Gateway.ServerCloseCodes);
    }

    [Fact]
    public async Task The_shard_connects_with_the_query_and_resumes_on_the_resume_gateway_url()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.WaitForEventsAsync(e => e.Any(x => x.Type == "READY"), "READY"); // the shard holds the session id

        h.Gateway.DropConnections();
        var resume = await h.Gateway.WaitForResumeAsync();
        await h.WaitForEventsAsync(e => e.Any(x => x.Type == "RESUMED"), "RESUMED");

        Assert.True(resume.AtResumeUrl, "RESUME went to the gateway URL, not READY's resume_gateway_url");
        Assert.Single(h.Gateway.Identifies);
        Assert.Empty(h.Gateway.ServerCloseCodes);
    }

    [Fact]
    public async Task A_resume_sent_to_the_gateway_url_instead_of_the_resume_url_is_answered_op_9_not_resumable()
    {
        await using var h = await GatewayHarness.CreateAsync();
        var sessionId = await IdentifyAsync(h);

        var answer = await ResumeAsync(h.Gateway.Url, sessionId);

        // Old fake: READY's resume_gateway_url was the gateway URL itself and this RESUME got RESUMED.
        Assert.Equal(9, (int)answer!["op"]!);
        Assert.False((bool)answer["d"]!);
        Assert.False(Assert.Single(h.Gateway.Resumes).AtResumeUrl);

        // The session ended with it: the right URL cannot bring it back either.
        Assert.Equal(9, (int)(await ResumeAsync(h.Gateway.ResumeUrl, sessionId))!["op"]!);
    }

    [Fact]
    public async Task A_resume_sent_to_the_resume_url_is_resumed()
    {
        await using var h = await GatewayHarness.CreateAsync();
        var sessionId = await IdentifyAsync(h);

        var answer = await ResumeAsync(h.Gateway.ResumeUrl, sessionId);

        Assert.Equal("RESUMED", (string?)answer!["t"]);
    }

    /// <summary>Sends RESUME for <paramref name="sessionId"/> on a raw socket to <paramref name="url"/>; the first answer after HELLO.</summary>
    private static async Task<JsonObject?> ResumeAsync(Uri url, string sessionId)
    {
        await using var socket = await RawGatewaySocket.ConnectAsync(url);
        await socket.ReceiveAsync(); // HELLO
        await socket.SendAsync(6, new JsonObject { ["token"] = GatewayHarness.Token, ["session_id"] = sessionId, ["seq"] = 1 });
        return await socket.ReceiveAsync();
    }

    /// <summary>Identifies on a raw socket, reads READY's session and resume URL, and leaves with a resumable close.</summary>
    private static async Task<string> IdentifyAsync(GatewayHarness h)
    {
        await using var socket = await RawGatewaySocket.ConnectAsync(h.Gateway.Url);
        await socket.ReceiveAsync(); // HELLO
        await socket.SendAsync(2, new JsonObject
        {
            ["token"] = GatewayHarness.Token,
            ["intents"] = 0,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "test", ["device"] = "test" },
        });
        var ready = (await socket.ReceiveAsync())!;
        Assert.Equal("READY", (string?)ready["t"]);
        Assert.Equal(h.Gateway.ResumeUrl.ToString(), (string?)ready["d"]!["resume_gateway_url"]);
        Assert.NotEqual(h.Gateway.Url.AbsolutePath, h.Gateway.ResumeUrl.AbsolutePath);
        return (string)ready["d"]!["session_id"]!;
    }
}

namespace EditBot.Discord.Tests.Gateway;

/// <summary>What the shard sends in IDENTIFY, and what never reaches the logs.</summary>
public sealed class GatewayIdentifyTests
{
    private const int Guilds = 1, GuildMessages = 512, DirectMessages = 4096, MessageContent = 32768;

    [Fact]
    public async Task Identify_asks_for_guilds_and_messages_without_message_content_by_default()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start(shardId: 1, shardCount: 3);

        var identify = await h.Gateway.WaitForIdentifyAsync();

        Assert.Equal(Guilds | GuildMessages | DirectMessages, identify.Intents);
        Assert.Equal([1, 3], identify.Shard!);
        Assert.Equal(GatewayHarness.Token, identify.Token);
        Assert.Equal("EditBot", identify.Browser);
        Assert.Equal("EditBot", identify.Device);
        Assert.False(string.IsNullOrEmpty(identify.Os));
    }

    [Fact]
    public async Task Identify_adds_message_content_only_when_configured()
    {
        await using var h = await GatewayHarness.CreateAsync();
        h.Discord.MessageContentIntent = true;
        h.Start();

        var identify = await h.Gateway.WaitForIdentifyAsync();

        Assert.Equal(Guilds | GuildMessages | DirectMessages | MessageContent, identify.Intents);
        Assert.Equal([0, 1], identify.Shard!);
    }

    [Fact]
    public async Task Ready_marks_the_shard_ready_and_is_delivered_as_an_event()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();

        await h.WaitForEventsAsync(e => e.Any(x => x.Type == "READY"), "READY");

        Assert.True(h.State.IsReady);
        Assert.True(h.State.IsConnected);
        Assert.Equal(0, h.Events.Single(e => e.Type == "READY").ShardId);
    }

    [Fact]
    public async Task Logs_never_contain_the_token_or_the_full_session_id()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();
        await h.Gateway.SendReconnectAsync();
        var resume = await h.Gateway.WaitForResumeAsync();
        await h.Gateway.WaitForLiveSessionsAsync();

        Assert.NotEmpty(h.Log.Lines);
        Assert.DoesNotContain(h.Log.Lines, l => l.Contains(GatewayHarness.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(h.Log.Lines, l => l.Contains(resume.SessionId, StringComparison.Ordinal));
        Assert.Contains(h.Log.Lines, l => l.Contains(resume.SessionId[..4], StringComparison.Ordinal));
    }
}

using EditBot.Discord.Gateway;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>Every close code of Discord's table ends resumed, re-identified or stopped with a clear message.</summary>
public sealed class GatewayCloseCodeTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task Resumable_close_code_resumes_without_losing_events(int code)
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();
        await GatewayReconnectTests.DispatchNumbersAsync(h, 1, 3);
        await h.WaitForEventsAsync(_ => h.Numbers().Count == 3, "3 events");

        await h.Gateway.CloseAsync(code);
        await GatewayReconnectTests.DispatchNumbersAsync(h, 4, 6);

        var resume = await h.Gateway.WaitForResumeAsync();
        await h.WaitForEventsAsync(_ => h.Numbers().Count == 6, "6 events");
        Assert.Equal([1, 2, 3, 4, 5, 6], h.Numbers());
        Assert.StartsWith("fake-session-", resume.SessionId, StringComparison.Ordinal);
        Assert.Single(h.Gateway.Identifies);
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Session_ending_close_code_identifies_again(int code)
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();

        await h.Gateway.CloseAsync(code);

        await h.Gateway.WaitForIdentifyAsync(2);
        await h.Gateway.WaitForLiveSessionsAsync();
        Assert.Empty(h.Gateway.Resumes);
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardId")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4012, "v10")]
    [InlineData(4013, "Discord:MessageContentIntent=false")]
    [InlineData(4014, "enable Message Content in the Developer Portal")]
    public async Task Fatal_close_code_stops_with_a_message_saying_what_to_fix(int code, string advice)
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();

        await h.Gateway.CloseAsync(code);

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => h.Run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(code, error.CloseCode);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains(advice, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, h.Gateway.ConnectionCount);
    }

    [Fact]
    public async Task Disallowed_intents_from_the_gateway_stop_the_shard()
    {
        await using var h = await GatewayHarness.CreateAsync();
        h.Gateway.MessageContentIntentAllowed = false;
        h.Discord.MessageContentIntent = true;
        h.Start();

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => h.Run.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(4014, error.CloseCode);
        Assert.Contains("Discord:MessageContentIntent=false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4000, GatewayCloseAction.Resume)]
    [InlineData(4001, GatewayCloseAction.Resume)]
    [InlineData(4002, GatewayCloseAction.Resume)]
    [InlineData(4003, GatewayCloseAction.Reidentify)]
    [InlineData(4004, GatewayCloseAction.Stop)]
    [InlineData(4005, GatewayCloseAction.Resume)]
    [InlineData(4007, GatewayCloseAction.Reidentify)]
    [InlineData(4008, GatewayCloseAction.Resume)]
    [InlineData(4009, GatewayCloseAction.Reidentify)]
    [InlineData(4010, GatewayCloseAction.Stop)]
    [InlineData(4011, GatewayCloseAction.Stop)]
    [InlineData(4012, GatewayCloseAction.Stop)]
    [InlineData(4013, GatewayCloseAction.Stop)]
    [InlineData(4014, GatewayCloseAction.Stop)]
    [InlineData(1006, GatewayCloseAction.Resume)]
    public void Close_codes_follow_discords_table(int code, GatewayCloseAction expected) =>
        Assert.Equal(expected, GatewayCloseCodes.Classify(code));
}

using EditBot.Discord.Models;
using EditBot.Discord.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Rest;

public sealed class NonceTests
{
    [Fact]
    public async Task Enforce_nonce_deduplicates_a_repeat_for_five_minutes_on_discords_clock_only()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var h = await DiscordRestHarness.StartAsync(discordClock: clock);
        var channel = h.Fake.AddChannel();
        var body = new MessageBody { Content = "result part 1", Nonce = "job-1-part-1", EnforceNonce = true };

        var first = await h.Rest.CreateMessageAsync(channel.Id, body, cancellationToken: Cancel.After());
        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var repeat = await h.Rest.CreateMessageAsync(channel.Id, body, cancellationToken: Cancel.After());
        clock.Advance(TimeSpan.FromSeconds(1));
        var late = await h.Rest.CreateMessageAsync(channel.Id, body, cancellationToken: Cancel.After());

        Assert.Equal(first.Id, repeat.Id);
        Assert.NotEqual(first.Id, late.Id); // a retry this late posts twice, as on Discord
        Assert.Equal(2, h.Fake.MessagesIn(channel.Id).Count);
    }
}

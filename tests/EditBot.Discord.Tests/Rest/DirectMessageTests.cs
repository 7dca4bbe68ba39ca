using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Discord.Tests.Support;

namespace EditBot.Discord.Tests.Rest;

public sealed class DirectMessageTests
{
    [Fact]
    public async Task A_user_who_does_not_accept_dms_gets_a_channel_but_the_post_is_refused_with_50007_once()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        const ulong user = 1400000000000000001;
        h.Fake.CloseDirectMessages(user);

        var dm = await h.Rest.CreateDmChannelAsync(user, Cancel.After());
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.CreateMessageAsync(dm.Id, new MessageBody { Content = "your results" }, cancellationToken: Cancel.After()));

        Assert.Equal(403, (int)error.StatusCode);
        Assert.Equal(50007, error.Code);
        Assert.Single(h.Fake.Requests, r => r.Status == 403); // a 403 is never retried
    }
}

using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Discord.Tests.Support;

namespace EditBot.Discord.Tests.Rest;

public sealed class UploadLimitTests
{
    [Theory]
    [InlineData(10 * 1024 * 1024 + 1, 1)] // one file over the default per-file limit
    [InlineData(9 * 1024 * 1024, 3)] // each file fits, the request (27 MiB) does not
    public async Task An_upload_over_discords_limits_is_refused_with_40005_and_not_retried(int bytesPerFile, int files)
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var channel = h.Fake.AddChannel();
        var uploads = Enumerable.Range(0, files).Select(i => new DiscordFile($"big-{i}.png", new byte[bytesPerFile], "image/png")).ToList();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "big" }, uploads, Cancel.After(60)));

        Assert.Equal(413, (int)error.StatusCode);
        Assert.Equal(40005, error.Code);
        Assert.Single(h.Fake.Requests);
        Assert.Empty(h.Fake.MessagesIn(channel.Id));
    }
}

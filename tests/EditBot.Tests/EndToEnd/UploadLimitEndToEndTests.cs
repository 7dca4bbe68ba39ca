using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Xunit.Abstractions;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// Discord refuses a file over the channel's upload limit, or a request over its total, with 413 40005. The fake GMI
/// renders small PNGs and cannot be told to render large ones, so these tests lower Discord's limits (in the fake and
/// in the interaction's <c>attachment_size_limit</c>, as a server with that limit would) until the results are large.
/// </summary>
public sealed class UploadLimitEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Results_over_the_upload_limit_are_shrunk_and_split_and_never_refused()
    {
        // Discord's request total (25 MiB) is a constant the bot is configured with, not told: scaled down with it.
        const long limit = 6 * 1024, requestLimit = 10 * 1024;
        await using var bot = await SmallUploads.StartAsync(limit, requestLimit);
        var origin = new InteractionOrigin { AttachmentSizeLimit = limit };

        await bot.SlashEditAsync("four large moons", bot.Image(120, 80), origin, CommandOption.Number("count", 4));
        var job = await bot.WaitForJobAsync("four large moons");

        Assert.Equal(JobState.Done, job.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Sum(m => m.Attachments.Count(a => a.Filename.StartsWith("edit-", StringComparison.Ordinal))) >= 4, "the four results");
        var uploads = bot.Discord.Requests.Where(r => r.Files.Count > 0).ToList();
        foreach (var request in uploads)
        {
            output.WriteLine($"{request.Method} {request.RouteKey} {request.Status}: {string.Join(", ", request.Files.Select(f => $"{f.FileName} {f.Bytes.Length}"))}");
        }

        Assert.Empty(bot.Discord.UploadRefusals);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Status == 413);
        Assert.All(uploads.SelectMany(r => r.Files), f => Assert.InRange(f.Bytes.Length, 1, limit));
        Assert.All(uploads, r => Assert.InRange(r.Files.Sum(f => (long)f.Bytes.Length), 1, requestLimit));
        Assert.True(bot.ResultMessages(thread).Count >= 2, "the results are split over several messages");
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_twenty_MiB_attachment_size_limit_lets_a_fifteen_MiB_result_through_unchanged()
    {
        // A boosted server: Discord tells the interaction 20 MiB per file, and enforces it.
        const long limit = 20 * 1024 * 1024;
        var large = LargeImages.FifteenMiB();
        Assert.InRange(large.Length, 15L * 1024 * 1024, limit);
        await using var bot = await BotHarness.StartAsync();
        bot.Gmi.Media = (_, _) => large;
        bot.Discord.AttachmentSizeLimit = limit;

        await bot.SlashEditAsync("one huge moon", bot.Image(), new InteractionOrigin { AttachmentSizeLimit = limit });
        var job = await bot.WaitForJobAsync("one huge moon");

        Assert.Equal(JobState.Done, job.State);
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the result");
        var upload = Assert.Single(bot.Discord.Requests, r => r.Files.Count > 0);
        var file = Assert.Single(upload.Files);
        output.WriteLine($"{file.FileName}: {file.Bytes.Length} bytes, limit {limit}");
        Assert.Equal("edit-1.png", file.FileName);
        Assert.Equal(large, file.Bytes);
        Assert.DoesNotContain("upload limit", bot.ResultMessages(thread)[0].Text, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.UploadRefusals);
        bot.Discord.AssertNoContractViolations();
    }
}

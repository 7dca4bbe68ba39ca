using System.Globalization;
using System.Net;
using EditBot.Core.Jobs;
using EditBot.MaskEditor;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.TestSupport.Discord.Inject;

namespace EditBot.Tests.MaskEditor;

/// <summary>
/// The mask editor at the wire, without a browser: the links the three entry points answer with, the page's headers, the
/// image it shows, and the form it posts (built here as the page builds it). Browser tests drive the page itself.
/// </summary>
public class MaskEditorEndToEndTests
{
    [Fact]
    public async Task Edit_region_draw_answers_a_link_whose_mask_reaches_GMI_white_where_painted_and_the_results_reach_a_thread()
    {
        await using var editor = await MaskEditorBot.StartAsync();
        var bot = editor.Bot;
        var image = bot.Image(300, 200);
        var origin = await editor.DrawAsync("paint a window", image);
        var link = Assert.Single(await editor.WaitForLinksAsync(origin));
        Assert.StartsWith(MaskEditorBot.PublicBase + "/mask/", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("\"flags\":64", editor.Answers(origin)); // only the requester sees the link

        using var page = await editor.Http.GetAsync(editor.Local(link));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Contains("&quot;prompt&quot;:&quot;paint a window&quot;", html, StringComparison.Ordinal);
        Assert.Equal((300, 200), await editor.ImageSizeAsync(link));

        var (status, answer) = await editor.SubmitAsync(link, MaskEditorBot.MaskWithBox(300, 200, 0.4f, 0.3f, 0.6f, 0.7f), prompt: "paint a window");
        Assert.Equal(202, status);
        Assert.True((bool)answer["ok"]!);
        var job = await bot.WaitForJobAsync("paint a window");
        Assert.Equal(JobState.Done, job.State);

        var sent = Assert.Single(bot.Gmi.Requests);
        Assert.Equal((300, 200), (sent.MaskFacts!.Width, sent.MaskFacts.Height));
        Assert.True(sent.MaskFacts.IsWhiteAt(0.5, 0.5), "white (edit) where painted");
        Assert.False(sent.MaskFacts.IsWhiteAt(0.1, 0.1), "black (keep) elsewhere");
        Assert.False(sent.MaskFacts.IsWhiteAt(0.9, 0.9), "black (keep) elsewhere");

        // The progress message is the bot's in the channel, the page's link opens it, and the results are in its thread.
        var progress = bot.Discord.MessagesIn(BotHarnessEdits.DefaultChannel).Single(m => m.AuthorIsBot && m.ThreadId is not null);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture,
            $"https://discord.com/channels/{InteractionOrigin.DefaultGuildId}/{InteractionOrigin.DefaultChannelId}/{progress.Id}"), (string)answer["url"]!);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(progress.ThreadId!.Value).Count > 0, "the results in the thread");

        var (again, used) = await editor.SubmitAsync(link, MaskEditorBot.MaskWithBox(300, 200, 0, 0, 1, 1), prompt: "paint a window");
        Assert.Equal(410, again);
        Assert.Contains("already used", (string)used["message"]!, StringComparison.Ordinal);
        using var pageAfter = await editor.Http.GetAsync(editor.Local(link));
        Assert.Equal(HttpStatusCode.Gone, pageAfter.StatusCode);
        Assert.Single(bot.Gmi.Requests);
        editor.AssertTokensNotLogged(link);
        bot.Discord.AssertNoContractViolations();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Edit_region_on_a_message_or_on_a_forward_of_it_answers_a_link_to_its_image_and_threads_the_results_there(bool forwarded)
    {
        await using var editor = await MaskEditorBot.StartAsync();
        var bot = editor.Bot;
        var channel = BotHarnessEdits.DefaultChannel;
        var photo = bot.Discord.AddAttachment("garden.png", TestImages.Png(256, 192));
        // A forward (from another channel) has no files of its own: the image is in its message_snapshots.
        var target = forwarded
            ? bot.Discord.AddForwardedMessage(channel, bot.Discord.AddMessage(bot.Discord.AddChannel(type: 0).Id, "my garden", attachments: [photo]))
            : bot.Discord.AddMessage(channel, "my garden", attachments: [photo]);
        var origin = new InteractionOrigin();
        await bot.DispatchInteractionAsync(InteractionPayloads.MessageCommand(MaskRegionHandler.CommandName, bot.Discord.ToMessageJson(target, fullContent: true), origin));
        var link = Assert.Single(await editor.WaitForLinksAsync(origin));
        Assert.Equal((256, 192), await editor.ImageSizeAsync(link));

        var (status, _) = await editor.SubmitAsync(link, MaskEditorBot.MaskWithBox(256, 192, 0, 0.5f, 1, 1), prompt: "add tulips");
        Assert.Equal(202, status);
        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("add tulips")).State);
        var sent = Assert.Single(bot.Gmi.Requests);
        Assert.Equal((256, 192), (sent.ImageFacts!.Width, sent.ImageFacts.Height));
        Assert.True(sent.MaskFacts!.IsWhiteAt(0.5, 0.75));
        await Eventually.WaitUntilAsync(() => bot.Discord.GetMessage(target.Id)?.ThreadId is { } t && bot.ResultMessages(t).Count > 0, "the results on the target's thread");
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task The_results_Edit_region_button_answers_a_fresh_link_for_that_result_whose_edit_lands_in_the_same_thread()
    {
        await using var editor = await MaskEditorBot.StartAsync();
        var bot = editor.Bot;
        await bot.SlashEditAsync("a blue car", bot.Image(200, 200));
        var first = await bot.WaitForJobAsync("a blue car");
        var thread = bot.ThreadOf(BotHarnessEdits.DefaultChannel);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count > 0, "the result");
        var result = bot.ResultMessages(thread)[0];
        Assert.Contains($"eb:region:{first.Id:N}", result.Components.ToJsonString(), StringComparison.Ordinal);

        var links = new List<Uri>();
        for (var press = 0; press < 2; press++)
        {
            var pressed = await bot.PressUntilAnsweredAsync(
                () => InteractionPayloads.ButtonClick($"eb:region:{first.Id:N}", bot.Discord.ToMessageJson(result), new InteractionOrigin { ChannelId = thread.ToString(CultureInfo.InvariantCulture), ChannelType = 11 }),
                result.Id);
            var origin = new InteractionOrigin { Token = (string)pressed["token"]!, InteractionId = (string)pressed["id"]! };
            links.Add(Assert.Single(await editor.WaitForLinksAsync(origin)));
        }

        Assert.NotEqual(links[0], links[1]); // a fresh link each press
        var resultSize = (await editor.ImageSizeAsync(links[1]));
        var (status, _) = await editor.SubmitAsync(links[1], MaskEditorBot.MaskWithBox(resultSize.Width, resultSize.Height, 0, 0, 0.5f, 1), prompt: "make the car red");
        Assert.Equal(202, status);
        var second = await bot.WaitForJobAsync("make the car red");
        Assert.Equal(JobState.Done, second.State);
        Assert.Equal(first.ResultBlobs[0], second.Request.ImageBlob);
        await Eventually.WaitUntilAsync(() => bot.ResultMessages(thread).Count >= 2, "the new results in the same thread");
        bot.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_tampered_link_is_404_an_expired_link_410_and_a_mask_of_the_wrong_size_is_refused_with_the_link_kept()
    {
        await using var editor = await MaskEditorBot.StartAsync();
        var bot = editor.Bot;
        var origin = await editor.DrawAsync("a hat", bot.Image(120, 80));
        var link = Assert.Single(await editor.WaitForLinksAsync(origin));
        var token = MaskEditorBot.TokenOf(link);

        var tampered = new Uri(editor.Local(link).AbsoluteUri[..^token.Length] + (token[0] == 'A' ? 'B' : 'A') + token[1..]);
        using (var page = await editor.Http.GetAsync(tampered))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("isn&#39;t valid", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var image = await editor.Http.GetAsync(new Uri(tampered + "/image")))
        {
            Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
        }

        var expired = new Uri(MaskEditorBot.PublicBase + "/mask/" + await editor.ResignAsync(link, DateTimeOffset.UtcNow.AddSeconds(-1)));
        using (var page = await editor.Http.GetAsync(editor.Local(expired)))
        {
            Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
            Assert.Contains("expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(410, (await editor.SubmitAsync(expired, MaskEditorBot.MaskWithBox(120, 80, 0, 0, 1, 1))).Status);

        var (wrongSize, refusal) = await editor.SubmitAsync(link, MaskEditorBot.MaskWithBox(100, 80, 0, 0, 1, 1), prompt: "a hat");
        Assert.Equal(400, wrongSize);
        Assert.Equal("The mask is 100x80 but the image is 120x80: they must match exactly. Reload the page and draw again.", (string)refusal["message"]!);
        var (notPng, _) = await editor.SubmitAsync(link, "GIF89a not a png"u8.ToArray(), prompt: "a hat");
        Assert.Equal(400, notPng);
        var (noPrompt, emptyPrompt) = await editor.SubmitAsync(link, MaskEditorBot.MaskWithBox(120, 80, 0, 0, 1, 1), prompt: "  ");
        Assert.Equal(400, noPrompt);
        Assert.Contains("prompt is empty", (string)emptyPrompt["message"]!, StringComparison.Ordinal);
        Assert.Empty(bot.Gmi.Requests);

        // The refusals used nothing up: the right mask still goes through.
        Assert.Equal(202, (await editor.SubmitAsync(link, MaskEditorBot.MaskWithBox(120, 80, 0, 0, 1, 1), prompt: "a hat")).Status);
        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("a hat")).State);
        editor.AssertTokensNotLogged(link, expired);
    }

    [Fact]
    public async Task Two_submits_of_one_link_at_the_same_moment_queue_one_edit()
    {
        await using var editor = await MaskEditorBot.StartAsync();
        var bot = editor.Bot;
        var origin = await editor.DrawAsync("a moon", bot.Image(64, 64));
        var link = Assert.Single(await editor.WaitForLinksAsync(origin));
        var mask = MaskEditorBot.MaskWithBox(64, 64, 0, 0, 1, 0.5f);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => editor.SubmitAsync(link, mask, prompt: "a moon")));

        Assert.Single(answers, a => a.Status == 202);
        Assert.All(answers.Where(a => a.Status != 202), a => Assert.Contains(a.Status, new[] { 409, 410 }));
        await bot.WaitForJobAsync("a moon");
        Assert.Single(await bot.JobsForAsync("a moon"));
        Assert.Single(bot.Gmi.Requests);
    }

    [Fact]
    public async Task A_link_asked_more_often_than_its_limit_per_minute_is_answered_429()
    {
        await using var editor = await MaskEditorBot.StartAsync(new Dictionary<string, string> { ["Http:RequestsPerLinkPerMinute"] = "3" });
        var bot = editor.Bot;
        var origin = await editor.DrawAsync("a cloud", bot.Image(64, 64));
        var link = Assert.Single(await editor.WaitForLinksAsync(origin));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await editor.Http.GetAsync(editor.Local(link));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Without_a_public_address_every_entry_point_says_how_to_enable_the_page()
    {
        await using var editor = await MaskEditorBot.StartAsync(enabled: false);
        var bot = editor.Bot;
        var origin = await editor.DrawAsync("a tree", bot.Image(64, 64));
        await Eventually.WaitUntilAsync(() => editor.Answers(origin).Contains("Http:PublicBaseUrl", StringComparison.Ordinal), "the answer naming the setting");
        Assert.Contains("\"flags\":64", editor.Answers(origin));

        var photo = bot.Discord.AddAttachment("tree.png", TestImages.Png(64, 64));
        var target = bot.Discord.AddMessage(BotHarnessEdits.DefaultChannel, "tree", attachments: [photo]);
        var command = new InteractionOrigin();
        await bot.DispatchInteractionAsync(InteractionPayloads.MessageCommand(MaskRegionHandler.CommandName, bot.Discord.ToMessageJson(target, fullContent: true), command));
        await Eventually.WaitUntilAsync(() => editor.Answers(command).Contains("Http:PublicBaseUrl", StringComparison.Ordinal), "the command's answer naming the setting");
        Assert.Empty(bot.Gmi.Requests);
    }
}

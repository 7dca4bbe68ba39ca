using System.Text.Json;
using EditBot.Core.Jobs;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.TestSupport.Browser;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EditBot.Tests.MaskEditor;

/// <summary>
/// The mask editor's page in a real browser (Chromium through Playwright) against the real bot and the fakes: a link from
/// /edit region:draw, a stroke drawn with a mouse on a desktop or a finger on a phone, the submit, the mask at GMI and the
/// results in the thread. With <c>EDITBOT_SCREENSHOTS</c> set to a folder, the editor is photographed there.
/// </summary>
public class MaskEditorBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_mouse_stroke_across_the_image_on_a_desktop_sends_a_mask_white_under_the_stroke_and_the_results_reach_the_thread()
    {
        await using var editor = await MaskEditorBot.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.DesktopAsync();
        var (page, link, problems, bytes) = await OpenAsync(editor, context, "a rainbow", 600, 400);

        var box = (await page.Locator("#canvas").BoundingBoxAsync())!;
        var y = box.Y + box.Height * 0.5f;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.1f, y);
        await page.Mouse.DownAsync();
        for (var step = 1; step <= 20; step++)
        {
            await page.Mouse.MoveAsync(box.X + box.Width * (0.1f + 0.8f * step / 20), y);
        }

        await page.Mouse.UpAsync();
        await Chromium.ScreenshotAsync(page, "mask-editor-desktop.png");
        await page.ClickAsync("#submit");
        await page.Locator("#status.ok").WaitForAsync();
        Assert.StartsWith("https://discord.com/channels/", await page.Locator("#result-link").GetAttributeAsync("href"), StringComparison.Ordinal);

        var job = await editor.Bot.WaitForJobAsync("a rainbow");
        Assert.Equal(JobState.Done, job.State);
        var mask = Assert.Single(editor.Bot.Gmi.Requests).MaskFacts!;
        Assert.Equal((600, 400), (mask.Width, mask.Height));
        Assert.True(mask.IsWhiteAt(0.5, 0.5) && mask.IsWhiteAt(0.2, 0.5) && mask.IsWhiteAt(0.85, 0.5), "white (edit) along the stroke");
        Assert.False(mask.IsWhiteAt(0.5, 0.1) || mask.IsWhiteAt(0.5, 0.9) || mask.IsWhiteAt(0.02, 0.5) || mask.IsWhiteAt(0.98, 0.5), "black (keep) away from it");
        var progress = editor.Bot.Discord.MessagesIn(BotHarnessEdits.DefaultChannel).Single(m => m.AuthorIsBot && m.ThreadId is not null);
        await Eventually.WaitUntilAsync(() => editor.Bot.ResultMessages(progress.ThreadId!.Value).Count > 0, "the results in the thread");
        Assert.Empty(problems);
        output.WriteLine($"The page transferred {bytes.Sum()} bytes over {bytes.Count} responses (HTML, CSS, JS, the 600x400 PNG).");
        editor.AssertTokensNotLogged(link);
    }

    [Fact]
    public async Task A_finger_stroke_on_a_phone_paints_and_a_two_finger_pinch_does_not()
    {
        await using var editor = await MaskEditorBot.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.PhoneAsync();
        var (page, _, problems, _) = await OpenAsync(editor, context, "snow on the roof", 400, 600);
        var touch = await context.NewCDPSessionAsync(page);
        var box = (await page.Locator("#canvas").BoundingBoxAsync())!;
        float X(double f) => (float)(box.X + box.Width * f);
        float Y(double f) => (float)(box.Y + box.Height * f);

        // A pinch: two fingers down and apart. It must leave nothing painted.
        await Chromium.TouchAsync(touch, "touchStart", (X(0.4), Y(0.4)), (X(0.6), Y(0.6)));
        for (var step = 1; step <= 5; step++)
        {
            await Chromium.TouchAsync(touch, "touchMove", (X(0.4 - 0.05 * step), Y(0.4 - 0.05 * step)), (X(0.6 + 0.05 * step), Y(0.6 + 0.05 * step)));
        }

        await Chromium.TouchAsync(touch, "touchEnd");
        await page.ClickAsync("#submit");
        await page.Locator("#status.error").WaitForAsync();
        Assert.Equal("Paint the area to change first.", await page.Locator("#status").TextContentAsync());

        // One finger across the top quarter (pressing Edit scrolled the page: the canvas is measured again).
        await Chromium.FingerStrokeAsync(touch, page, "#canvas", (0.1, 0.25), (0.9, 0.25));
        await Chromium.ScreenshotAsync(page, "mask-editor-phone.png");
        await page.ClickAsync("#submit");
        await page.Locator("#status.ok").WaitForAsync();

        Assert.Equal(JobState.Done, (await editor.Bot.WaitForJobAsync("snow on the roof")).State);
        var mask = Assert.Single(editor.Bot.Gmi.Requests).MaskFacts!;
        Assert.Equal((400, 600), (mask.Width, mask.Height));
        Assert.True(mask.IsWhiteAt(0.5, 0.25), "white under the finger");
        Assert.False(mask.IsWhiteAt(0.5, 0.5) || mask.IsWhiteAt(0.5, 0.75) || mask.IsWhiteAt(0.3, 0.35), "the pinch painted nothing");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_keyboard_reaches_every_tool_and_undo_takes_back_a_rectangle()
    {
        await using var editor = await MaskEditorBot.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.DesktopAsync();
        var (page, _, problems, _) = await OpenAsync(editor, context, "a kite", 300, 300);

        await page.Keyboard.PressAsync("r");
        Assert.Equal("true", await page.Locator("#tool-rect").GetAttributeAsync("aria-pressed"));
        var box = (await page.Locator("#canvas").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height * 0.6f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.9f, box.Y + box.Height * 0.9f, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.Keyboard.PressAsync("Control+z");
        await page.Keyboard.PressAsync("l");
        Assert.Equal("true", await page.Locator("#tool-lasso").GetAttributeAsync("aria-pressed"));
        await page.Keyboard.PressAsync("b");
        await page.Mouse.MoveAsync(box.X + box.Width * 0.1f, box.Y + box.Height * 0.1f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height * 0.1f, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        foreach (var id in new[] { "#tool-brush", "#tool-eraser", "#tool-rect", "#tool-lasso", "#undo", "#invert", "#clear", "#prompt", "#size", "#quality", "#count", "#submit" })
        {
            Assert.True(await page.Locator(id).IsVisibleAsync(), id + " is shown");
        }

        await page.ClickAsync("#submit");
        await page.Locator("#status.ok").WaitForAsync();
        await editor.Bot.WaitForJobAsync("a kite");
        var mask = Assert.Single(editor.Bot.Gmi.Requests).MaskFacts!;
        Assert.True(mask.IsWhiteAt(0.2, 0.1), "the brush stroke");
        Assert.False(mask.IsWhiteAt(0.75, 0.75), "the undone rectangle");
        Assert.Empty(problems);
    }

    /// <summary>
    /// Opens a fresh /edit region:draw link in <paramref name="context"/> and waits until the image is on the canvas.
    /// Returns the console errors and CSP reports (the test asserts there are none) and the bytes of every response.
    /// </summary>
    private static async Task<(IPage Page, Uri Link, List<string> Problems, List<int> Bytes)> OpenAsync(
        MaskEditorBot editor, IBrowserContext context, string prompt, int width, int height)
    {
        var origin = await editor.DrawAsync(prompt, editor.Bot.Image(width, height));
        var link = Assert.Single(await editor.WaitForLinksAsync(origin));
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var bytes = new List<int>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response); // read after loading: a handler must not wait on the browser
        await page.GotoAsync(editor.Local(link).AbsoluteUri);
        await page.Locator("body[data-ready='1']").WaitForAsync();
        foreach (var response in responses.ToList())
        {
            bytes.Add((await response.BodyAsync()).Length);
        }

        Assert.Equal(prompt, await page.Locator("#prompt").InputValueAsync());
        return (page, link, problems, bytes);
    }
}

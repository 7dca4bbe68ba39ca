using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using EditBot.Tests.Architecture;
using EditBot.TestSupport.Browser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using SkiaSharp;

namespace EditBot.Tests.MaskEditor;

/// <summary>
/// The mask editor's page alone in Debian's Chromium: its files straight from src/EditBot/MaskEditor/Assets, served by a
/// small Kestrel stand-in for the bot (under a path prefix, with the bot's Content-Security-Policy) that decodes each
/// posted mask with SkiaSharp. No bot, store or Discord: what is checked is the page. With <c>EDITBOT_SCREENSHOTS</c> set
/// to a folder, the painted editor is photographed there (docs/mask-editor-*.png come from this).
/// </summary>
public class MaskEditorPageTests
{
    [Fact]
    public async Task A_mouse_stroke_across_the_middle_posts_a_black_and_white_mask_at_the_image_size_white_under_the_stroke()
    {
        await using var server = await PageServer.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var (page, problems) = await server.OpenAsync(await chromium.NewDesktopPageAsync());
        Assert.Equal(PageServer.Prompt, await page.Locator("#prompt").InputValueAsync());

        await StrokeAsync(page, (0.1, 0.5), (0.9, 0.5));
        await Chromium.ScreenshotAsync(page, "mask-editor-desktop.png");
        await page.ClickAsync("#submit");
        await QueuedAsync(page);

        var post = Assert.Single(server.Posts);
        Assert.Equal((PageServer.Prompt, "auto", "auto", "1"), (post.Prompt, post.Size, post.Quality, post.Count));
        Assert.Equal((640, 480), (post.Mask.Width, post.Mask.Height));
        Assert.True(post.Mask.OnlyOpaqueBlackAndWhite, "every pixel opaque pure black or pure white");
        Assert.True(post.Mask.IsWhiteAt(0.5, 0.5) && post.Mask.IsWhiteAt(0.2, 0.5) && post.Mask.IsWhiteAt(0.85, 0.5), "white under the stroke");
        Assert.False(post.Mask.IsWhiteAt(0.5, 0.1) || post.Mask.IsWhiteAt(0.5, 0.9) || post.Mask.IsWhiteAt(0.02, 0.5) || post.Mask.IsWhiteAt(0.98, 0.5), "black away from it");
        Assert.Equal(PageServer.DiscordUrl, await page.Locator("#status #result-link").GetAttributeAsync("href"));
        Assert.Contains(PageServer.Queued, await page.Locator("#status").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#submit").IsDisabledAsync() && await page.Locator("#prompt").IsDisabledAsync(), "a used link's form is disabled");
        Assert.Empty(problems);
        Assert.Empty(server.StrayRequests);
    }

    [Fact]
    public async Task A_finger_stroke_on_a_phone_paints_and_a_second_finger_cancels_the_stroke_it_interrupts()
    {
        await using var server = await PageServer.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPhonePageAsync();
        var (_, problems) = await server.OpenAsync(page);
        var touch = await page.Context.NewCDPSessionAsync(page);
        var box = (await page.Locator("#canvas").BoundingBoxAsync())!;
        Assert.True(box.Width <= 390, "the image fits the phone's width");
        float X(double f) => (float)(box.X + box.Width * f);
        float Y(double f) => (float)(box.Y + box.Height * f);

        // One finger starts painting along the bottom; a second finger arrives (a pinch): the stroke is taken back.
        await Chromium.TouchAsync(touch, "touchStart", (X(0.2), Y(0.75)));
        await Chromium.TouchAsync(touch, "touchMove", (X(0.4), Y(0.75)));
        await Chromium.TouchAsync(touch, "touchMove", (X(0.5), Y(0.75)));
        await Chromium.TouchAsync(touch, "touchStart", (X(0.5), Y(0.75)), (X(0.5), Y(0.5)));
        await Chromium.TouchAsync(touch, "touchMove", (X(0.7), Y(0.8)), (X(0.3), Y(0.4)));
        await Chromium.TouchAsync(touch, "touchEnd");
        await page.Locator("#submit").TapAsync();
        await page.Locator("#status.error").WaitForAsync();
        Assert.Equal("Paint the area to change first.", await page.Locator("#status").TextContentAsync());
        Assert.Empty(server.Posts);

        // One finger across the top quarter (tapping Edit may have scrolled: the canvas is measured again).
        await Chromium.FingerStrokeAsync(touch, page, "#canvas", (0.1, 0.25), (0.9, 0.25));
        await Chromium.ScreenshotAsync(page, "mask-editor-phone.png");
        // A tap at once after a quick swipe is taken by Chromium's gesture detector as stopping a fling and makes no click
        // (seen here: Edit never pressed); a person lifts the finger and then reaches for Edit.
        await page.WaitForTimeoutAsync(600);
        await page.Locator("#submit").TapAsync();
        await QueuedAsync(page);

        var mask = Assert.Single(server.Posts).Mask;
        Assert.Equal((640, 480), (mask.Width, mask.Height));
        Assert.True(mask.OnlyOpaqueBlackAndWhite, "every pixel opaque pure black or pure white");
        Assert.True(mask.IsWhiteAt(0.5, 0.25) && mask.IsWhiteAt(0.15, 0.25) && mask.IsWhiteAt(0.85, 0.25), "white under the finger");
        Assert.False(mask.IsWhiteAt(0.3, 0.75) || mask.IsWhiteAt(0.45, 0.75) || mask.IsWhiteAt(0.6, 0.8) || mask.IsWhiteAt(0.5, 0.5), "the interrupted stroke and the pinch left nothing");
        Assert.Empty(problems);
        Assert.Empty(server.StrayRequests);
    }

    [Fact]
    public async Task Edit_says_what_is_missing_without_posting_when_nothing_is_painted_the_prompt_is_empty_or_the_count_is_out_of_range()
    {
        await using var server = await PageServer.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var (page, problems) = await server.OpenAsync(await chromium.NewDesktopPageAsync());

        await page.ClickAsync("#submit");
        Assert.Equal("Paint the area to change first.", await page.Locator("#status.error").TextContentAsync());
        await page.Keyboard.PressAsync("r");
        await StrokeAsync(page, (0.6, 0.6), (0.9, 0.9));
        await page.FillAsync("#prompt", "   ");
        await page.ClickAsync("#submit");
        Assert.Equal("Say what should change in the painted area.", await page.Locator("#status.error").TextContentAsync());
        await page.FillAsync("#prompt", "a kite");
        await page.FillAsync("#count", "9");
        await page.ClickAsync("#submit");
        Assert.Equal("Versions must be a whole number from 1 to 4.", await page.Locator("#status.error").TextContentAsync());

        await page.FillAsync("#count", "2");
        await page.ClickAsync("#submit");
        await QueuedAsync(page);
        var post = Assert.Single(server.Posts);
        Assert.Equal(("a kite", "2"), (post.Prompt, post.Count));
        Assert.True(post.Mask.IsWhiteAt(0.75, 0.75) && !post.Mask.IsWhiteAt(0.5, 0.5), "the rectangle");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_refused_edit_keeps_the_drawing_for_a_fix_and_an_expired_link_turns_the_button_off()
    {
        await using var server = await PageServer.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var (page, problems) = await server.OpenAsync(await chromium.NewDesktopPageAsync());
        server.Answers.Enqueue((400, new { ok = false, message = "That prompt was refused; change it and press Edit again." }));
        server.Answers.Enqueue((410, new { ok = false, message = "This link has expired; open a new one from Discord." }));

        await StrokeAsync(page, (0.1, 0.3), (0.9, 0.3));
        await page.ClickAsync("#submit");
        Assert.Equal("That prompt was refused; change it and press Edit again.", await page.Locator("#status.error").TextContentAsync());
        Assert.True(await page.Locator("#submit").IsEnabledAsync(), "Edit can be pressed again");
        await page.FillAsync("#prompt", "a calmer sky");
        await page.ClickAsync("#submit");
        Assert.Equal("This link has expired; open a new one from Discord.", await page.Locator("#status.error").TextContentAsync());
        Assert.True(await page.Locator("#submit").IsDisabledAsync(), "an expired link cannot be used again");

        Assert.Equal(2, server.Posts.Count);
        Assert.All(server.Posts, post => Assert.True(post.Mask.IsWhiteAt(0.5, 0.3) && !post.Mask.IsWhiteAt(0.5, 0.7), "the same drawing both times"));
        Assert.Equal(["a rainbow over the \"old\" <barn> & the hills", "a calmer sky"], server.Posts.Select(p => p.Prompt));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Keyboard_shortcuts_pick_tools_undo_and_redo_outside_the_prompt_the_eraser_erases_and_invert_turns_the_mask_around()
    {
        await using var server = await PageServer.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var (page, problems) = await server.OpenAsync(await chromium.NewDesktopPageAsync());

        foreach (var (key, id) in new[] { ("e", "#tool-eraser"), ("r", "#tool-rect"), ("l", "#tool-lasso"), ("b", "#tool-brush") })
        {
            await page.Keyboard.PressAsync(key);
            Assert.Equal("true", await page.Locator(id).GetAttributeAsync("aria-pressed"));
            Assert.Equal(1, await page.Locator(".tool[aria-pressed='true']").CountAsync());
        }

        var before = int.Parse(await page.Locator("#brush-size").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.Keyboard.PressAsync("]");
        var after = int.Parse(await page.Locator("#brush-size").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after > before, "] widens the brush");
        Assert.Equal(after + " px", await page.Locator("#brush-size-value").TextContentAsync());

        await StrokeAsync(page, (0.05, 0.1), (0.3, 0.1)); // brush, top left
        await page.Keyboard.PressAsync("e");
        await StrokeAsync(page, (0.25, 0.0), (0.25, 0.2)); // the eraser across its right end
        await page.Keyboard.PressAsync("r");
        await StrokeAsync(page, (0.6, 0.6), (0.9, 0.9)); // rectangle, bottom right: undone, redone, undone
        await page.Keyboard.PressAsync("Control+z");
        await page.Keyboard.PressAsync("Control+Shift+z");
        await page.Keyboard.PressAsync("Control+y");
        await page.Keyboard.PressAsync("Control+z");
        Assert.True(await page.Locator("#redo").IsEnabledAsync(), "the rectangle can be redone");

        await page.Keyboard.PressAsync("l"); // lasso, a triangle at the bottom left
        var box = (await page.Locator("#canvas").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.1f, box.Y + box.Height * 0.6f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.4f, box.Y + box.Height * 0.6f, new MouseMoveOptions { Steps = 4 });
        await page.Mouse.MoveAsync(box.X + box.Width * 0.25f, box.Y + box.Height * 0.9f, new MouseMoveOptions { Steps = 4 });
        await page.Mouse.UpAsync();

        await page.FocusAsync("#prompt"); // typing a B or a Ctrl+Z in the prompt is text, not a shortcut
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" b");
        Assert.Equal("true", await page.Locator("#tool-lasso").GetAttributeAsync("aria-pressed"));
        await page.ClickAsync("#invert");
        await page.ClickAsync("#submit");
        await QueuedAsync(page);

        var mask = Assert.Single(server.Posts).Mask;
        Assert.EndsWith(" b", Assert.Single(server.Posts).Prompt, StringComparison.Ordinal);
        Assert.False(mask.IsWhiteAt(0.15, 0.1) || mask.IsWhiteAt(0.25, 0.7), "the brush stroke and the lasso, inverted: kept");
        Assert.True(mask.IsWhiteAt(0.25, 0.1), "the erased end of the stroke, inverted: edited");
        Assert.True(mask.IsWhiteAt(0.75, 0.75) && mask.IsWhiteAt(0.5, 0.4) && mask.IsWhiteAt(0.95, 0.05), "the undone rectangle and the unpainted rest, inverted: edited");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_message_page_uses_the_editor_style_sheet_under_the_policy()
    {
        await using var server = await PageServer.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPhonePageAsync();
        var problems = PageServer.Watch(page);

        await page.GotoAsync(server.Url("mask/expired").AbsoluteUri);
        Assert.Equal("This link has expired", await page.Locator("h1").TextContentAsync());
        Assert.Equal("Open the link again from Discord <or> press Edit region there.", await page.Locator("main p").TextContentAsync());
        Assert.Equal("rgb(49, 51, 56)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        Assert.Empty(problems);
        Assert.Empty(server.StrayRequests);
    }

    /// <summary>Waits for the answer to Edit and asserts it was the queued one (else shows what the page said).</summary>
    private static async Task QueuedAsync(IPage page)
    {
        var status = page.Locator("#status.ok, #status.error");
        try
        {
            await status.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No answer shown; the status says \"{await page.Locator("#status").TextContentAsync()}\", Edit is {(await page.Locator("#submit").IsEnabledAsync() ? "enabled" : "disabled")}.");
        }

        Assert.Equal(("status ok", PageServer.Queued + " Open Discord"), (await status.GetAttributeAsync("class"), await status.TextContentAsync()));
    }

    private static async Task StrokeAsync(IPage page, (double X, double Y) from, (double X, double Y) to)
    {
        var box = (await page.Locator("#canvas").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * (float)from.X, box.Y + box.Height * (float)from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * (float)to.X, box.Y + box.Height * (float)to.Y, new MouseMoveOptions { Steps = 20 });
        await page.Mouse.UpAsync();
    }

    /// <summary>A posted mask, decoded: its size, whether it is opaque pure black and white, and white (edit) at a point.</summary>
    private sealed record MaskFacts(int Width, int Height, bool OnlyOpaqueBlackAndWhite, bool[] White)
    {
        public bool IsWhiteAt(double x, double y) => White[(int)(y * (Height - 1)) * Width + (int)(x * (Width - 1))];

        public static MaskFacts Decode(byte[] png)
        {
            Assert.True(png.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']), "the mask is a PNG");
            using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("The mask does not decode.");
            var pixels = bitmap.Pixels;
            var pure = pixels.All(c => c.Alpha == 255 && ((c.Red, c.Green, c.Blue) is (0, 0, 0) or (255, 255, 255)));
            return new MaskFacts(bitmap.Width, bitmap.Height, pure, pixels.Select(c => c.Red >= 128).ToArray());
        }
    }

    private sealed record Post(MaskFacts Mask, string? Prompt, string? Size, string? Quality, string? Count);

    /// <summary>
    /// The bot's side of the page, as the server engineer's endpoints answer it, under the prefix /bot so that any
    /// absolute URL in the page shows up as a stray request.
    /// </summary>
    private sealed class PageServer : IAsyncDisposable
    {
        public const string Prompt = "a rainbow over the \"old\" <barn> & the hills";
        public const string DiscordUrl = "https://discord.com/channels/1/2/3";
        public const string Queued = "Queued! The results will appear in Discord.";
        private const string Csp =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        private const string Token = "t0k3n";

        private readonly WebApplication _app;

        private PageServer(WebApplication app) => _app = app;

        public ConcurrentQueue<(int Status, object Body)> Answers { get; } = new();

        public List<Post> Posts { get; } = [];

        public ConcurrentQueue<string> StrayRequests { get; } = new();

        public static async Task<PageServer> StartAsync()
        {
            var assets = Path.Combine(SourceTree.Source, "EditBot", "MaskEditor", "Assets");
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new PageServer(app);
            var image = TestImage(640, 480);
            app.Use(async (context, next) =>
            {
                context.Response.Headers.ContentSecurityPolicy = Csp;
                context.Response.Headers.CacheControl = "no-store";
                await next(context);
            });
            app.MapGet("/bot/mask/assets/{name}", (string name) => name is "editor.js" or "editor.css"
                ? Results.File(File.ReadAllBytes(Path.Combine(assets, name)), name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css")
                : Results.NotFound());
            app.MapGet("/bot/mask/expired", () => Results.Content(
                File.ReadAllText(Path.Combine(assets, "message.html"))
                    .Replace("{{heading}}", WebUtility.HtmlEncode("This link has expired"), StringComparison.Ordinal)
                    .Replace("{{message}}", WebUtility.HtmlEncode("Open the link again from Discord <or> press Edit region there."), StringComparison.Ordinal),
                "text/html; charset=utf-8", statusCode: 410));
            app.MapGet("/bot/mask/" + Token, () => Results.Content(
                File.ReadAllText(Path.Combine(assets, "editor.html")).Replace("{{config}}", WebUtility.HtmlEncode(JsonSerializer.Serialize(new
                {
                    width = 640, height = 480, prompt = Prompt,
                    size = "auto", sizes = new[] { "auto", "1024x1024", "1536x1024", "1024x1536" },
                    quality = "auto", qualities = new[] { "auto", "low", "medium", "high" },
                    count = 1, maxCount = 4, maxPromptLength = 4000, image = Token + "/image",
                })), StringComparison.Ordinal),
                "text/html; charset=utf-8"));
            app.MapGet("/bot/mask/" + Token + "/image", () => Results.File(image, "image/png"));
            app.MapPost("/bot/mask/" + Token, async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                var file = form.Files.GetFile("mask");
                Assert.Equal("mask.png", file?.FileName);
                using var copy = new MemoryStream();
                await file!.CopyToAsync(copy);
                lock (server.Posts)
                {
                    server.Posts.Add(new Post(MaskFacts.Decode(copy.ToArray()), form["prompt"], form["size"], form["quality"], form["count"]));
                }

                var (status, body) = server.Answers.TryDequeue(out var answer)
                    ? answer
                    : (202, new { ok = true, message = Queued, url = DiscordUrl });
                return Results.Json(body, statusCode: status);
            });
            app.MapFallback((HttpContext context) =>
            {
                server.StrayRequests.Enqueue(context.Request.Method + " " + context.Request.Path);
                return Results.NotFound();
            });
            await app.StartAsync();
            return server;
        }

        public Uri Url(string path) => new(new Uri(_app.Urls.Single().TrimEnd('/') + "/bot/"), path);

        /// <summary>
        /// Console errors and warnings (CSP refusals among them) and uncaught errors of a page; not Chromium's line for each
        /// answer with a 4xx status, which the tests ask for (a refused edit, the message page).
        /// </summary>
        public static List<string> Watch(IPage page)
        {
            var problems = new List<string>();
            page.Console += (_, message) =>
            {
                var answered4xx = message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal);
                if ((message.Type is "error" or "warning" && !answered4xx) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    problems.Add(message.Text);
                }
            };
            page.PageError += (_, error) => problems.Add(error);
            return problems;
        }

        /// <summary>Opens the editor and waits until the image is on the canvas.</summary>
        public async Task<(IPage Page, List<string> Problems)> OpenAsync(IPage page)
        {
            var problems = Watch(page);
            await page.GotoAsync(Url("mask/" + Token).AbsoluteUri);
            await page.Locator("body[data-ready='1']").WaitForAsync();
            return (page, problems);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();

        /// <summary>A picture to paint on: a sky-to-field gradient with a sun, so the overlay shows in the screenshots.</summary>
        private static byte[] TestImage(int width, int height)
        {
            using var surface = SKSurface.Create(new SKImageInfo(width, height));
            var canvas = surface.Canvas;
            using var sky = new SKPaint();
            sky.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(0x4a, 0x90, 0xd9), new SKColor(0xf5, 0xd7, 0x8e), new SKColor(0x3f, 0x8f, 0x3a)], [0f, 0.6f, 0.6f], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, sky);
            using var sun = new SKPaint { Color = new SKColor(0xff, 0xe0, 0x66), IsAntialias = true };
            canvas.DrawCircle(width * 0.78f, height * 0.25f, height * 0.1f, sun);
            using var snapshot = surface.Snapshot();
            using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
    }
}

using Microsoft.Playwright;

namespace EditBot.TestSupport.Browser;

/// <summary>
/// Debian's Chromium driven by Microsoft.Playwright, headless. Playwright's own browser download is not reachable here,
/// so the executable is named: <c>EDITBOT_CHROMIUM</c>, else /usr/bin/chromium (Debian's package <c>chromium</c>, which
/// test.sh installs when missing). Playwright's driver runs on the Node.js the NuGet package ships in the build output
/// (.playwright/node), so nothing else is installed. Chromium's sandbox refuses to start as root, so root gets
/// <c>--no-sandbox</c>.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("EDITBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>A desktop: 1280x800 CSS pixels, a mouse.</summary>
    public static BrowserNewContextOptions Desktop => new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };

    /// <summary>A phone: 390x844 CSS pixels at 3x, touch only.</summary>
    public static BrowserNewContextOptions Phone => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 3,
        IsMobile = true,
        HasTouch = true,
    };

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ExecutablePath}: install Debian's package chromium (apt-get install chromium) or set EDITBOT_CHROMIUM to a Chromium executable.");
        }

        ConsoleWriters.Detach(); // before Playwright sets Console.OutputEncoding: see ConsoleWriters
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public Task<IBrowserContext> DesktopAsync() => Browser.NewContextAsync(Desktop);

    public Task<IBrowserContext> PhoneAsync() => Browser.NewContextAsync(Phone);

    /// <summary>A page in a new desktop context of its own (closed with the browser).</summary>
    public async Task<IPage> NewDesktopPageAsync() => await (await DesktopAsync()).NewPageAsync();

    /// <summary>A page in a new phone context of its own (closed with the browser).</summary>
    public async Task<IPage> NewPhonePageAsync() => await (await PhoneAsync()).NewPageAsync();

    /// <summary>
    /// Fingers on a touch screen through the DevTools protocol (Input.dispatchTouchEvent): <paramref name="type"/> is
    /// touchStart, touchMove or touchEnd, and <paramref name="points"/> every finger down after the event, in page pixels.
    /// </summary>
    public static async Task TouchAsync(ICDPSession session, string type, params (float X, float Y)[] points) =>
        await session.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = type,
            ["touchPoints"] = points.Select((p, i) => new Dictionary<string, object> { ["x"] = p.X, ["y"] = p.Y, ["id"] = i }).ToArray(),
        });

    /// <summary>
    /// One finger drawn in a straight line across <paramref name="selector"/>'s element, from and to fractions of its box
    /// (scrolled into view and measured first), in <paramref name="steps"/> moves.
    /// </summary>
    public static async Task FingerStrokeAsync(ICDPSession session, IPage page, string selector, (double X, double Y) from, (double X, double Y) to, int steps = 20)
    {
        var element = page.Locator(selector);
        await element.ScrollIntoViewIfNeededAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException(selector + " is not shown.");
        (float, float) At(double t) =>
            ((float)(box.X + box.Width * (from.X + (to.X - from.X) * t)), (float)(box.Y + box.Height * (from.Y + (to.Y - from.Y) * t)));
        await TouchAsync(session, "touchStart", At(0));
        for (var step = 1; step <= steps; step++)
        {
            await TouchAsync(session, "touchMove", At((double)step / steps));
        }

        await TouchAsync(session, "touchEnd");
    }

    /// <summary>A full-page screenshot into the folder <c>EDITBOT_SCREENSHOTS</c> names; nothing when it is not set.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("EDITBOT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

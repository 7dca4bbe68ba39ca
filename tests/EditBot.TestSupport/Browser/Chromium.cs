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

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

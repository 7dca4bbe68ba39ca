using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using EditBot.Core.Storage;
using EditBot.MaskEditor;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using SkiaSharp;

namespace EditBot.Tests.MaskEditor;

/// <summary>
/// The real bot with the mask editor on (its public address is a made-up https host, as behind a proxy; requests go to
/// the bot's own loopback port with the link's path), and what tests do with its links.
/// </summary>
internal sealed class MaskEditorBot : IAsyncDisposable
{
    public const string PublicBase = "https://editbot.example.com";

    private MaskEditorBot(BotHarness bot, LogCapture log)
    {
        Bot = bot;
        Log = log;
        Http = new HttpClient { BaseAddress = bot.HttpBase };
    }

    public BotHarness Bot { get; }

    public LogCapture Log { get; }

    public HttpClient Http { get; }

    public static async Task<MaskEditorBot> StartAsync(IDictionary<string, string>? settings = null, bool enabled = true)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        if (enabled)
        {
            all.TryAdd("Http:PublicBaseUrl", PublicBase);
        }

        var log = new LogCapture();
        var bot = await BotHarness.StartAsync(all, s => s.AddSingleton<ILogEventSink>(log));
        return new MaskEditorBot(bot, log);
    }

    /// <summary>The link's path on the bot's own port.</summary>
    public Uri Local(Uri link) => new(Bot.HttpBase, link.AbsolutePath);

    /// <summary>The token of a link (its last path segment).</summary>
    public static string TokenOf(Uri link) => link.AbsolutePath[(link.AbsolutePath.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Sends <c>/edit region:draw</c> until the bot answers it inside Discord's 3 s window (a loaded machine can miss
    /// it, and then the bot made nothing), as a person would; returns the answered command's origin.
    /// </summary>
    public async Task<InteractionOrigin> DrawAsync(string prompt, AttachmentSpec image)
    {
        var pressed = await Bot.PressUntilAnsweredAsync(() => InteractionPayloads.SlashCommand("edit", new InteractionOrigin(),
            [CommandOption.File("image", image), CommandOption.Text("prompt", prompt), CommandOption.Text("region", "draw")]));
        return new InteractionOrigin { InteractionId = (string)pressed["id"]!, Token = (string)pressed["token"]! };
    }

    /// <summary>Waits for the bot's ephemeral answer to <paramref name="origin"/> and returns its link buttons' addresses.</summary>
    public async Task<IReadOnlyList<Uri>> WaitForLinksAsync(InteractionOrigin origin)
    {
        IReadOnlyList<Uri> links = [];
        await Eventually.WaitUntilAsync(() => (links = LinksIn(origin)).Count > 0, "the answer with the link", TimeSpan.FromSeconds(60));
        return links;
    }

    /// <summary>Everything the bot wrote on the interaction's routes, as text (for refusals).</summary>
    public string Answers(InteractionOrigin origin) => Bot.InteractionTraffic(origin);

    public IReadOnlyList<Uri> LinksIn(InteractionOrigin origin) =>
        [.. Bot.Discord.Requests
            .Where(r => r.Path.Contains(origin.Token, StringComparison.Ordinal) && r.Method != "GET" && r.Body is { Length: > 0 } b && b.Contains("\"url\"", StringComparison.Ordinal))
            .SelectMany(r => (JsonNode.Parse(r.Body!)!["components"] as JsonArray ?? [])
                .SelectMany(row => row!["components"] as JsonArray ?? [])
                .Where(c => (int?)c!["style"] == 5)
                .Select(c => new Uri((string)c!["url"]!)))];

    /// <summary>Posts the page's form as the browser does.</summary>
    public async Task<(int Status, JsonObject Answer)> SubmitAsync(Uri link, byte[]? mask, string prompt = "a red door", string size = "auto", string quality = "low", string count = "1")
    {
        using var form = new MultipartFormDataContent();
        if (mask is not null)
        {
            var file = new ByteArrayContent(mask);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "mask", "mask.png");
        }

        form.Add(new StringContent(prompt), "prompt");
        form.Add(new StringContent(size), "size");
        form.Add(new StringContent(quality), "quality");
        form.Add(new StringContent(count), "count");
        using var response = await Http.PostAsync(Local(link), form);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>The size of the image the page shows.</summary>
    public async Task<(int Width, int Height)> ImageSizeAsync(Uri link)
    {
        var bytes = await Http.GetByteArrayAsync(new Uri(Local(link) + "/image"));
        using var bitmap = SKBitmap.Decode(bytes);
        return (bitmap.Width, bitmap.Height);
    }

    /// <summary>A mask PNG as the page makes it: black, with a white box (fractions of the size) where the person painted.</summary>
    public static byte[] MaskWithBox(int width, int height, float left, float top, float right, float bottom)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        using (var white = new SKPaint { Color = SKColors.White })
        {
            canvas.Clear(SKColors.Black);
            canvas.DrawRect(SKRect.Create(left * width, top * height, (right - left) * width, (bottom - top) * height), white);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Signs a token for an existing link as the bot would, with another expiry (the store holds the key).</summary>
    public async Task<string> ResignAsync(Uri link, DateTimeOffset expiresAt)
    {
        var signer = await Bot.Services.GetRequiredService<MaskLinkKeys>().GetSignerAsync(CancellationToken.None);
        var token = signer.Verify(TokenOf(link))!;
        return signer.Sign(token with { ExpiresAt = expiresAt });
    }

    /// <summary>No log line carries a link's token (nor its signature half).</summary>
    public void AssertTokensNotLogged(params Uri[] links)
    {
        foreach (var link in links)
        {
            var token = TokenOf(link);
            var leaked = Log.Events.Select(LogCapture.Line).Where(l => l.Contains(token[^20..], StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, "A mask link token reached the log: " + string.Join("\n", leaked));
        }
    }

    public IKeyValueStore Store => Bot.Services.GetRequiredService<IKeyValueStore>();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
    }
}

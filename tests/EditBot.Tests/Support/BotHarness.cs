using EditBot.TestSupport;
using System.Text.Json.Nodes;
using EditBot.Composition;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Gateway;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Gmi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.Support;

/// <summary>
/// The real bot host (as <c>EditBot run</c> builds it) in this process, against a fake Discord (REST and gateway)
/// and a fake GMI queue over loopback, on a temporary SQLite file. Tests inject Discord events through the fake
/// gateway (or signed HTTP interactions) and read what the bot did from the fakes.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const ulong BotId = 1100000000000000001;

    private BotHarness(FakeDiscordServer discord, FakeDiscordGateway gateway, FakeGmiServer gmi, string folder)
    {
        Discord = discord;
        Gateway = gateway;
        Gmi = gmi;
        Folder = folder;
    }

    public FakeDiscordServer Discord { get; }

    public FakeDiscordGateway Gateway { get; }

    public FakeGmiServer Gmi { get; }

    public string Folder { get; }

    public WebApplication App { get; private set; } = null!;

    /// <summary>
    /// Unforced 429s the test expects (it provokes Discord's real limits on purpose); any other one fails the test at
    /// disposal, because the bot's limiter must keep normal flows inside the limits the fake applies.
    /// </summary>
    public int AllowedUnforcedRateLimits { get; set; }

    public Uri HttpBase => new(App.Urls.First());

    public IServiceProvider Services => App.Services;

    public static async Task<BotHarness> StartAsync(
        IDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null,
        bool waitForReady = true,
        bool discordUp = true,
        bool restUnavailable = false,
        Action<FakeDiscordServer>? configureDiscord = null)
    {
        var gmi = new FakeGmiServer { Duration = FakeGmiServer.OneSecond }; // fast jobs: the suite's pace, not GMI's
        await gmi.StartAsync();
        var discord = new FakeDiscordServer { ApplicationId = BotId, BotUserId = BotId, Unavailable = restUnavailable };
        if (discordUp)
        {
            await discord.StartAsync();
        }
        else
        {
            discord.ReservePort(); // connection refused until the test starts it
        }

        var gateway = await FakeDiscordGateway.StartAsync();
        gateway.HeartbeatIntervalMs = 1000;
        discord.GatewayUrl = gateway.Url;
        discord.SessionStarts = gateway.SessionStarts;
        discord.AddChannel(type: 0, id: ulong.Parse(InteractionOrigin.DefaultChannelId, System.Globalization.CultureInfo.InvariantCulture));
        configureDiscord?.Invoke(discord);
        var harness = new BotHarness(discord, gateway, gmi, Directory.CreateTempSubdirectory("editbot-bot-").FullName);
        await harness.StartBotAsync(settings, services);
        if (waitForReady)
        {
            await gateway.WaitForIdentifyAsync();
            await gateway.WaitForLiveSessionsAsync();
        }

        return harness;
    }

    public Dictionary<string, string> Settings(IDictionary<string, string>? overrides)
    {
        var settings = EngineHostHarness.Settings(Gmi, Folder);
        settings["Discord:Token"] = Discord.Token;
        settings["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl.ToString().TrimEnd('/');
        settings["Discord:ApplicationId"] = BotId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Http:Urls"] = "http://127.0.0.1:0";
        settings["Bot:ProgressEditInterval"] = "00:00:00.200";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Stops the bot (gracefully) and starts a new one on the same store: a restart.</summary>
    public async Task RestartAsync(IDictionary<string, string>? settings = null)
    {
        await App.StopAsync();
        await App.DisposeAsync();
        var identifies = Gateway.Identifies.Count;
        await StartBotAsync(settings, null);
        await Gateway.WaitForIdentifyAsync(identifies + 1);
        await Gateway.WaitForLiveSessionsAsync();
    }

    /// <summary>An image the bot can download, hosted by the fake Discord's attachment route.</summary>
    public AttachmentSpec Image(int width = 96, int height = 64, string name = "photo.png")
    {
        var attachment = Discord.AddAttachment(name, TestImages.Png(width, height));
        return new AttachmentSpec(attachment.Url.ToString(), name, "image/png", attachment.Size, width, height);
    }

    /// <summary>A mask the bot can download: white (edit) on the top half when <paramref name="half"/>, else all black.</summary>
    public AttachmentSpec Mask(int width, int height, bool half)
    {
        var attachment = Discord.AddAttachment("mask.png", TestImages.Mask(width, height, half));
        return new AttachmentSpec(attachment.Url.ToString(), "mask.png", "image/png", attachment.Size, width, height);
    }

    /// <summary>Any file as an attachment (e.g. text named .png).</summary>
    public AttachmentSpec File(string name, byte[] content)
    {
        var attachment = Discord.AddAttachment(name, content);
        return new AttachmentSpec(attachment.Url.ToString(), name, "image/png", attachment.Size, 10, 10);
    }

    /// <summary>
    /// Sends an interaction through the gateway, registered with the fake REST side for its channel; a command the bot
    /// has not registered fails the test, as Discord would never send it.
    /// </summary>
    public async Task DispatchInteractionAsync(JsonObject interaction, ulong? sourceMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        // The bot registers its commands in the background at start-up; nobody can invoke one before that ends.
        try
        {
            await Eventually.WaitUntilAsync(() => Discord.IsCommandRegistered(interaction), "the bot to register the command", TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // RegisterInteraction below fails the test saying which command was never registered.
        }

        Discord.RegisterInteraction(interaction, sourceMessageId);
        await Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
    }

    /// <summary>
    /// Dispatches the press that <paramref name="press"/> builds (a fresh interaction id and token each time) until the
    /// bot's first answer lands inside Discord's 3 s window, up to five presses, as a person whose tap got no answer taps
    /// again. A press counts as lost when the fake refused its late answer (10062) or when nothing answered it within
    /// 15 s (the event reached no live session, e.g. a shard re-identifying): Discord would refuse any answer by then, so
    /// the bot has queued nothing for it. Returns the press that was answered, or the last.
    /// </summary>
    public async Task<JsonObject> PressUntilAnsweredAsync(Func<JsonObject> press, ulong? messageId = null, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(press);
        const int presses = 5;
        for (var attempt = 1; ; attempt++)
        {
            var payload = press();
            var token = payload["token"]!.GetValue<string>();
            await DispatchInteractionAsync(payload, messageId);
            var last = attempt == presses;
            try
            {
                await Eventually.WaitUntilAsync(
                    () => Discord.GetInteraction(token) is { } i && (i.ResponseType is not null || i.LateRefusals > 0),
                    "the press to be answered", last ? patience ?? TimeSpan.FromSeconds(90) : TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException) when (!last)
            {
                continue;
            }

            if (Discord.GetInteraction(token)!.ResponseType is not null || last)
            {
                return payload;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        catch (EditBot.Discord.Gateway.GatewayFatalException)
        {
            // The test ended the gateway for good on purpose; the host reports it when stopping.
        }

        await App.DisposeAsync();
        await Gateway.DisposeAsync();
        try
        {
            await Discord.DisposeAsync(); // throws when a request broke Discord's contract and the test did not clear it
        }
        finally
        {
            await Gmi.DisposeAsync();
            TempFolder.DeleteQuietly(Folder);
        }

        Discord.AssertNoUnforcedRateLimits(AllowedUnforcedRateLimits);
    }

    private async Task StartBotAsync(IDictionary<string, string>? settings, Action<IServiceCollection>? services)
    {
        var args = Settings(settings).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        App = BotHost.Build(args, services);
        await App.StartAsync();
    }
}

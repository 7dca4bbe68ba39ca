using System.Text.Json.Nodes;
using System.Text.Json;
using EditBot.Bot;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Discord;
using EditBot.Imaging;
using EditBot.Moderation.Discord;
using EditBot.Moderation;
using EditBot.Origin;
using EditBot.Tests.Moderation.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Storage;
using EditBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Tests.Moderation.Discord.Support;

/// <summary>
/// The moderation layer's Discord side (as <c>AddEditBotModerationDiscord</c> registers it) over in-memory stores,
/// a fake clock and the fake Discord REST server. Of the hosted services only the audit poster runs (audit posts are
/// queued, as in the bot); tests call the other pieces directly.
/// </summary>
public sealed class ModerationDiscordHarness : IAsyncDisposable
{
    public const ulong Guild = 1200000000000000001;
    public const ulong Requester = 1400000000000000001;

    private ModerationDiscordHarness(FakeDiscordServer discord, ServiceProvider services, FakeTimeProvider time)
    {
        Discord = discord;
        Services = services;
        Time = time;
    }

    public FakeDiscordServer Discord { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryJobStore Jobs => (InMemoryJobStore)Services.GetRequiredService<IJobStore>();

    public IBlobStore Blobs => Services.GetRequiredService<IBlobStore>();

    public GuildSettingsStore Settings => Services.GetRequiredService<GuildSettingsStore>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<ModerationDiscordHarness> StartAsync()
    {
        var discord = new FakeDiscordServer { ApplicationId = 1100000000000000001, BotUserId = 1100000000000000001 };
        await discord.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = discord.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.AbsoluteUri,
            ["Discord:ApplicationId"] = "1100000000000000001",
            ["Moderation:Discord:LoadModelPrice"] = "false",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IJobStore, InMemoryJobStore>()
            .AddSingleton<IKeyValueStore, InMemoryKeyValueStore>()
            .AddSingleton<IBlobStore>(sp => new InMemoryBlobStore(sp.GetService<TimeProvider>(), (InMemoryJobStore)sp.GetRequiredService<IJobStore>()))
            .AddEditBotDiscordRest(configuration)
            .AddEditBotCore(configuration);
        services.AddImaging();
        services.AddOptions<BotExperienceOptions>();
        services.AddSingleton<EditBot.Bot.Progress.ProgressMessages>();
        services.AddEditBotModerationDiscord(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<AuditPostingService>().StartAsync(CancellationToken.None);
        return new ModerationDiscordHarness(discord, provider, time);
    }

    public async Task ConfigureAsync(Func<GuildSettings, GuildSettings> change)
    {
        var update = await Settings.UpdateAsync(Guild, change, CancellationToken.None);
        Assert.True(update.Saved, update.Problem);
    }

    /// <summary>A job as the Discord intake stores it, waiting for review (through JobService, so observers run).</summary>
    public async Task<Job> EnqueueAsync(string prompt = "a red bicycle", bool needsReview = true, ulong channelId = 1210000000000000001, bool withMask = false)
    {
        var image = await Blobs.PutAsync(TestImages.Png(64, 48), "image/png", CancellationToken.None);
        var mask = withMask ? await Blobs.PutAsync(TestImages.Png(64, 48), "image/png", CancellationToken.None) : null;
        var origin = new DiscordOrigin { UserId = Requester, GuildId = Guild, ChannelId = channelId };
        var moderation = new ModerationContext(Guild, channelId, null, Requester, [], MemberPermissions.None);
        var request = new EditRequest(prompt, image, mask, "1024x1024", "high", 1);
        return await Get<JobService>().EnqueueAsync(request, JobOrigins.ForDiscord(origin, moderation), needsReview, CancellationToken.None);
    }

    /// <summary>An interaction model from a wire payload (as the gateway would deliver it), registered with the fake.</summary>
    public Interaction Interaction(JsonObject payload, ulong? sourceMessageId = null)
    {
        var interaction = InteractionParser.Parse(JsonSerializer.SerializeToUtf8Bytes(payload));
        Discord.RegisterInteraction(interaction.Id, interaction.Token, interaction.ChannelId ?? 0, sourceMessageId);
        return interaction;
    }

    public InteractionResponder Responder(Interaction interaction) => Get<InteractionResponderFactory>().Create(interaction);

    /// <summary>Waits until <paramref name="count"/> audit posts reached <paramref name="channelId"/> (they are posted in the background).</summary>
    public Task WaitForAuditPostsAsync(ulong channelId, int count) =>
        Eventually.WaitUntilAsync(() => Discord.MessagesIn(channelId).Count >= count, $"{count} audit posts");

    /// <summary>Waits until every queued audit entry was posted or given up on.</summary>
    public Task WhenAuditSettledAsync() => Get<AuditLog>().WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        // A cancelled token: stop at once, as a host whose shutdown timeout ran out (no drain in tests).
        await Services.GetRequiredService<AuditPostingService>().StoppedAsync(new CancellationToken(canceled: true));
        await Services.DisposeAsync();
        await Discord.DisposeAsync();
        Discord.AssertNoUnforcedRateLimits(); // the limiter must keep audit posting inside Discord's limits
    }
}

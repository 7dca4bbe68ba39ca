using EditBot.Discord.Commands;
using EditBot.Discord.Interactions;
using EditBot.Discord.RateLimits;
using EditBot.Discord.Rest;
using EditBot.TestSupport.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Tests.Support;

/// <summary>A started fake Discord plus the REST layer wired by <c>AddEditBotDiscordRest</c> against it.</summary>
public sealed class DiscordRestHarness : IAsyncDisposable
{
    private DiscordRestHarness(FakeDiscordServer fake, ServiceProvider services, CapturedLogs logs)
    {
        Fake = fake;
        Services = services;
        Logs = logs;
    }

    public FakeDiscordServer Fake { get; }

    public ServiceProvider Services { get; }

    public CapturedLogs Logs { get; }

    public DiscordRestClient Rest => Services.GetRequiredService<DiscordRestClient>();

    public InteractionResponderFactory Responders => Services.GetRequiredService<InteractionResponderFactory>();

    public CommandRegistrar Registrar => Services.GetRequiredService<CommandRegistrar>();

    public InvalidRequestCounter InvalidRequests => Services.GetRequiredService<InvalidRequestCounter>();

    /// <param name="discordClock">The fake Discord's clock (its limits, deadlines and expiries); the client keeps real time.</param>
    public static async Task<DiscordRestHarness> StartAsync(
        Action<FakeDiscordServer>? configureFake = null, IDictionary<string, string?>? settings = null, TimeProvider? discordClock = null)
    {
        var fake = new FakeDiscordServer(discordClock);
        await fake.StartAsync();
        configureFake?.Invoke(fake);
        var values = new Dictionary<string, string?>
        {
            ["Discord:Token"] = fake.Token,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl.AbsoluteUri,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddEditBotDiscordRest(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new DiscordRestHarness(fake, services, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

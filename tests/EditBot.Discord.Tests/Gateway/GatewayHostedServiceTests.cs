using EditBot.Discord.Events;
using EditBot.Discord.Gateway;
using EditBot.TestSupport.Discord.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Gateway;

public sealed class GatewayHostedServiceTests
{
    [Fact]
    public async Task Without_a_shard_count_every_recommended_shard_runs_here()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        var (service, state) = Create(gateway, new DiscordOptions { Token = "t" }, shards: 2);

        await service.StartAsync(CancellationToken.None);
        await gateway.WaitForLiveSessionsAsync(2);
        await gateway.WaitUntilAsync(_ => state.AllReady, what: "both shards ready");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal([[0, 2], [1, 2]], gateway.Identifies.Select(i => i.Shard!).OrderBy(s => s[0]));
        Assert.Equal(2, state.Shards.Count);
        await gateway.WaitUntilAsync(g => g.ClientCloseCodes.Count(c => c == 1000) == 2, what: "two clean closes");
    }

    [Fact]
    public async Task With_a_shard_count_only_the_configured_shard_runs()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        var (service, state) = Create(gateway, new DiscordOptions { Token = "t", ShardId = 2, ShardCount = 4 }, shards: 1);

        await service.StartAsync(CancellationToken.None);
        var identify = await gateway.WaitForIdentifyAsync();
        await service.StopAsync(CancellationToken.None);

        Assert.Equal([2, 4], identify.Shard!);
        Assert.Equal(2, Assert.Single(state.Shards).ShardId);
    }

    [Fact]
    public async Task Fatal_close_is_reported_with_its_message_and_ends_the_service()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.RequiredToken = "the-right-token";
        var (service, state) = Create(gateway, new DiscordOptions { Token = "a-wrong-token" }, shards: 1);

        await service.StartAsync(CancellationToken.None);
        await Assert.ThrowsAsync<GatewayFatalException>(() => service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.NotNull(state.FatalError);
        Assert.Contains("Discord:Token", state.FatalError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-token", state.FatalError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shards_sharing_an_identify_bucket_identify_five_seconds_apart()
    {
        var time = new FakeTimeProvider();
        await using var gateway = await FakeDiscordGateway.StartAsync(time);
        var (service, _) = Create(gateway, new DiscordOptions { Token = "t" }, shards: 2, maxConcurrency: 1, time);

        await service.StartAsync(CancellationToken.None);
        await gateway.WaitForIdentifyAsync(1);
        time.Advance(TimeSpan.FromMilliseconds(4_999));
        await Task.Delay(100);
        Assert.Single(gateway.Identifies);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await gateway.WaitForIdentifyAsync(2);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Registration_adds_the_hosted_service_and_health_state()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOptions<DiscordOptions>();
        services.AddSingleton<IGatewayInfoProvider>(new FixedGatewayInfoProvider(Info(new Uri("wss://gateway.test"), 1)));

        services.AddEditBotDiscordGateway();
        using var provider = services.BuildServiceProvider();

        Assert.Contains(provider.GetServices<IHostedService>(), s => s is GatewayHostedService);
        Assert.NotNull(provider.GetService<GatewayState>());
        Assert.NotNull(provider.GetService<DiscordEventChannel>());
    }

    private static GatewayBotInfo Info(Uri url, int shards, int maxConcurrency = 2) =>
        new(url, shards, 1000, 1000, TimeSpan.FromHours(24), maxConcurrency);

    private static (GatewayHostedService Service, GatewayState State) Create(
        FakeDiscordGateway gateway, DiscordOptions discord, int shards, int maxConcurrency = 2, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        gateway.MaxConcurrency = maxConcurrency; // the fake paces identifies by the buckets its /gateway/bot answer names
        var state = new GatewayState();
        var client = new GatewayClientOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(100) };
        var service = new GatewayHostedService(
            new FixedGatewayInfoProvider(Info(gateway.Url, shards, maxConcurrency)),
            Options.Create(discord),
            Options.Create(client),
            new GatewayIdentifyGate(time, NullLogger<GatewayIdentifyGate>.Instance),
            new DiscordEventChannel(Options.Create(new DiscordOptions())),
            state,
            time,
            NullLoggerFactory.Instance);
        return (service, state);
    }
}

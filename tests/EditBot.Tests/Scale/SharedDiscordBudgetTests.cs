using EditBot.TestSupport;
using EditBot.Adapters;
using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using EditBot.Discord;
using EditBot.Discord.Models;
using EditBot.Discord.RateLimits;
using EditBot.Discord.Rest;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EditBot.Tests.Scale;

/// <summary>
/// Discord's global limit is per bot token. Two instances on one PostgreSQL store, each wired as the bot host wires its
/// Discord REST layer, send a burst at once against a fake Discord whose global limit is the configured budget.
/// </summary>
public sealed class SharedDiscordBudgetTests(PostgresForBots postgres) : IClassFixture<PostgresForBots>
{
    private const int Budget = 10;

    // Old code in this test (each process allowed itself the whole Discord:GlobalRequestsPerSecond): the two instances
    // sent 20 requests a second against a limit of 10 and drew global 429s.
    [Fact]
    public async Task Two_instances_sharing_one_token_stay_under_the_global_limit_together()
    {
        await using var discord = new FakeDiscordServer();
        await discord.StartAsync();
        discord.GlobalLimitPerSecond = Budget;
        var store = await postgres.SettingsAsync("Postgres");
        await using var first = await InstanceAsync("first", discord, store);
        await using var second = await InstanceAsync("second", discord, store);
        await Task.WhenAll(first.JoinedAsync(), second.JoinedAsync());
        // Each sees the other from its next heartbeat on; a loaded machine may delay that past the other's join.
        await Eventually.WaitUntilAsync(
            () => first.Shares.SharersOf(ClusterRole.DiscordRequests) == 2 && second.Shares.SharersOf(ClusterRole.DiscordRequests) == 2, "both instances to count each other");

        var channels = Enumerable.Range(0, 40).Select(_ => discord.AddChannel()).ToList();
        var sends = new[] { first, second }.SelectMany((instance, n) => Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            instance.Rest.CreateMessageAsync(channels[i].Id, new MessageBody { Content = $"instance {n} message {i}" }, cancellationToken: CancellationToken.None))));
        await Task.WhenAll(sends);

        Assert.Equal(80, channels.Sum(c => discord.MessagesIn(c.Id).Count));
        Assert.DoesNotContain(discord.RateLimitAnswers, a => a.Scope == FakeRateLimitScope.Global);
    }

    private static async Task<Instance> InstanceAsync(string id, FakeDiscordServer discord, Dictionary<string, string> store)
    {
        var settings = new Dictionary<string, string?>(store.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))
        {
            ["Discord:Token"] = discord.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.AbsoluteUri,
            ["Discord:GlobalRequestsPerSecond"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Engine:WorkerId"] = id,
            ["Scale:HeartbeatInterval"] = "00:00:00.200",
            ["Scale:InstanceTimeout"] = "00:00:02",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddEditBotDiscordRest(configuration)
            .AddEditBotPostgresStorage(store["Storage:ConnectionString"])
            .AddEditBotCluster(configuration)
            .AddClusterRole(ClusterRole.DiscordRequests)
            .AddSingleton<IGlobalRateShare, ClusterGlobalRateShare>();
        services.AddOptions<EngineOptions>().Bind(configuration.GetSection(EngineOptions.Section));
        var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return new Instance(provider, hosted);
    }

    private sealed class Instance(ServiceProvider provider, List<IHostedService> hosted) : IAsyncDisposable
    {
        public DiscordRestClient Rest => provider.GetRequiredService<DiscordRestClient>();

        public ClusterShares Shares => provider.GetRequiredService<ClusterShares>();

        public Task JoinedAsync() => Shares.WhenJoinedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        public async ValueTask DisposeAsync()
        {
            foreach (var service in Enumerable.Reverse(hosted))
            {
                await service.StopAsync(CancellationToken.None);
            }

            await provider.DisposeAsync();
        }
    }
}

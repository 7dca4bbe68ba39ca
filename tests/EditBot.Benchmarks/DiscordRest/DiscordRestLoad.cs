using System.Diagnostics;
using System.Globalization;
using EditBot.Discord;
using EditBot.Discord.Models;
using EditBot.Discord.RateLimits;
using EditBot.Discord.Rest;
using EditBot.TestSupport.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Benchmarks.DiscordRest;

/// <summary>
/// REST throughput against the fake Discord at its limits: how close the client gets to the rate the limits allow,
/// and how many 429s it draws doing so. Args: [messages per scenario] (default 600).
/// </summary>
public sealed class DiscordRestLoad : ILoadProgram
{
    private const string MessagesRoute = "POST /channels/{channel_id}/messages";

    public string Name => "discord-rest";

    public string Description => "Discord REST sends against the fake's rate limits: achieved vs allowed requests/s, 429s drawn";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
        Console.WriteLine("| scenario | requests | limit | allowed req/s | achieved req/s | achieved / allowed | 429s |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: |");
        await RunScenarioAsync("route-bound: 5 channels, 5 per 1 s each", messages, channels: 5, perChannel: 5, cancellationToken);
        await RunScenarioAsync("global-bound: 20 channels, 5 per 1 s each, 50/s global", messages, channels: 20, perChannel: 5, cancellationToken);
        return 0;
    }

    private static async Task RunScenarioAsync(string name, int messages, int channels, int perChannel, CancellationToken cancellationToken)
    {
        await using var fake = new FakeDiscordServer();
        await fake.StartAsync(cancellationToken);
        fake.SetRouteLimit(MessagesRoute, perChannel, TimeSpan.FromSeconds(1));
        var ids = Enumerable.Range(0, channels).Select(_ => fake.AddChannel().Id).ToList();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddEditBotDiscordRest(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:Token"] = fake.Token,
                ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl.AbsoluteUri,
            }).Build())
            .BuildServiceProvider();
        var rest = services.GetRequiredService<DiscordRestClient>();

        var clock = Stopwatch.StartNew();
        var perChannelCount = messages / channels;
        await Task.WhenAll(ids.Select(id => Task.Run(
            async () =>
            {
                for (var i = 0; i < perChannelCount; i++)
                {
                    await rest.CreateMessageAsync(id, new MessageBody { Content = "load " + i }, cancellationToken: cancellationToken);
                }
            },
            cancellationToken)));
        clock.Stop();

        // Requests in the first window go at once; the rest are paced by the binding limit.
        var allowedRate = Math.Min(DiscordRateLimiter.DiscordGlobalLimit, channels * perChannel);
        var total = perChannelCount * channels;
        var allowedSeconds = Math.Max((double)(total - allowedRate) / allowedRate, 0.001);
        var achievedRate = (total - allowedRate) / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {total} | {perChannel}/s/channel | {allowedRate} | {achievedRate:0.0} | {clock.Elapsed.TotalSeconds / allowedSeconds:0.00}x time, {achievedRate / allowedRate:P0} rate | {fake.RateLimitAnswers.Count} |"));
    }
}

using System.Diagnostics;
using System.Globalization;
using EditBot.Composition;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Gateway;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Gmi;
using EditBot.TestSupport.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Benchmarks.EndToEnd;

/// <summary>
/// Jobs per second end to end with 1, 2 and 4 bot instances (gateway shards i of n) on one PostgreSQL cluster, beside
/// SQLite with one, against the zero-latency fakes: every job dispatched as an /edit on its guild's shard, submitted,
/// delivered in a thread. Instances run in this process (separate hosts, containers and stores as separate processes
/// would have; one CPU pool, as on this 2-core machine). Reports jobs/s, Discord calls per job, global 429s, and
/// checks that every job was delivered once with one submission.
/// Usage: load scale [jobs=1000] [global-limit=50]
/// </summary>
public sealed class ScaleOutLoad : ILoadProgram
{
    private const ulong BotId = 1100000000000000001;

    public string Name => "scale";

    public string Description => "Jobs/s end to end with 1, 2 and 4 instances on PostgreSQL beside SQLite with one";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var globalLimit = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        await using var postgres = await PostgresCluster.StartAsync(cancellationToken);
        Console.WriteLine($"| store | instances | jobs | wall | jobs/s | Discord calls/job (global-limited) | global 429s | route 429s | /edit sent again (answer late) | delivered once, paid once |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        var failures = 0;
        foreach (var (store, instances) in new[] { ("SQLite", 1), ("PostgreSQL", 1), ("PostgreSQL", 2), ("PostgreSQL", 4) })
        {
            var connection = store == "SQLite" ? null : await postgres.CreateDatabaseAsync($"scale{instances}", cancellationToken);
            var result = await RunAsync(connection, instances, jobs, globalLimit, cancellationToken);
            failures += result.AllGood ? 0 : 1;
            Console.WriteLine(
                $"| {store} | {instances} | {jobs} | {result.Wall.TotalSeconds:F1} s | {jobs / result.Wall.TotalSeconds:F1} | " +
                $"{result.CallsPerJob:F1} ({result.GlobalCallsPerJob:F1}) | {result.Global429s} | {result.Route429s} | {result.Resent} | {(result.AllGood ? "yes" : "NO: " + result.Problem)} |");
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<Outcome> RunAsync(string? postgres, int instances, int jobs, int globalLimit, CancellationToken cancellationToken)
    {
        var gmi = new FakeGmiServer { ZeroLatency = true };
        await gmi.StartAsync(cancellationToken);
        // max_concurrency 16 (a large bot's): the shards identify at once, so start-up is not what is measured.
        var discord = new FakeDiscordServer { ApplicationId = BotId, BotUserId = BotId, GatewayShards = instances, GlobalLimitPerSecond = globalLimit, MaxConcurrency = 16 };
        await discord.StartAsync(cancellationToken);
        var gateway = await FakeDiscordGateway.StartAsync();
        gateway.MaxConcurrency = 16;
        discord.GatewayUrl = gateway.Url;
        discord.SessionStarts = gateway.SessionStarts;
        var folder = Directory.CreateTempSubdirectory("editbot-scale-").FullName;
        var hosts = new List<WebApplication>();
        try
        {
            for (var shard = 0; shard < instances; shard++)
            {
                var app = BotHost.Build(Settings(discord, gmi, folder, postgres, shard, instances, globalLimit).Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
                await app.StartAsync(cancellationToken);
                hosts.Add(app);
            }

            await gateway.WaitForLiveSessionsAsync(instances, TimeSpan.FromMinutes(2));
            // 64 channels whatever the instance count (a channel takes at most one new thread a second, so fewer channels
            // would measure that limit rather than the bot), in guilds
            // spread over the shards as Discord routes them.
            var channels = Enumerable.Range(0, 64)
                .Select(i => (Guild: GuildOnShard(i % instances, instances, i / instances), Index: i))
                .Select(g => (g.Guild, Channel: discord.AddChannel(guildId: g.Guild).Id))
                .ToList();
            var image = discord.AddAttachment("small.png", TestImage(), "image/png");
            var store = hosts[0].Services.GetRequiredService<IJobStore>();
            await WaitForCommandsAsync(discord);

            var callsBefore = discord.Requests.Count;
            var resent = 0;
            var clock = Stopwatch.StartNew();
            using var inFlight = new SemaphoreSlim(32);
            var dispatches = Enumerable.Range(0, jobs).Select(async i =>
            {
                await inFlight.WaitAsync(cancellationToken);
                try
                {
                    var (guild, channel) = channels[i % channels.Count];
                    // A command whose answer missed Discord's 3 s window (a loaded machine) was refused and queued nothing:
                    // the person sends it again, as BotHarness.PressUntilAnsweredAsync does in the suite.
                    for (var attempt = 1; attempt <= 5; attempt++)
                    {
                        var origin = new InteractionOrigin
                        {
                            GuildId = guild.ToString(CultureInfo.InvariantCulture),
                            ChannelId = channel.ToString(CultureInfo.InvariantCulture),
                            User = new DiscordUserSpec((1400000000000000000UL + (ulong)i).ToString(CultureInfo.InvariantCulture), $"user{i}"),
                        };
                        var payload = InteractionPayloads.SlashCommand(
                            "edit", origin,
                            CommandOption.File("image", new AttachmentSpec(image.Url.ToString(), image.Filename, image.ContentType, image.Size, image.Width ?? 1, image.Height ?? 1)),
                            CommandOption.Text("prompt", $"scale {i}"),
                            CommandOption.Text("quality", "low"));
                        discord.RegisterInteraction(ulong.Parse(origin.InteractionId, CultureInfo.InvariantCulture), origin.Token, channel);
                        await gateway.DispatchAsync("INTERACTION_CREATE", payload);
                        var deadline = DateTime.UtcNow.AddMinutes(1);
                        while (discord.GetInteraction(origin.Token) is { ResponseType: null, LateRefusals: 0 } && DateTime.UtcNow < deadline)
                        {
                            await Task.Delay(10, cancellationToken);
                        }

                        if (discord.GetInteraction(origin.Token)?.ResponseType is not null)
                        {
                            break;
                        }

                        Interlocked.Increment(ref resent);
                    }
                }
                finally
                {
                    inFlight.Release();
                }
            });
            await Task.WhenAll(dispatches);
            var done = await WaitForAllDoneAsync(store, jobs, cancellationToken);
            clock.Stop();

            var requests = discord.Requests.Skip(callsBefore).ToList();
            var globalCalls = requests.Count(r => r.Path.Contains("/channels/", StringComparison.Ordinal) || r.Path.Contains("/guilds/", StringComparison.Ordinal));
            var messages = discord.AllMessages().Where(m => m.AuthorIsBot && m.Attachments.Count > 0).ToList();
            var problem = done.Count != jobs ? $"{done.Count} of {jobs} done"
                : done.FirstOrDefault(j => gmi.SubmissionsFor(j.Request.Prompt) != 1) is { } twice ? $"'{twice.Request.Prompt}' submitted {gmi.SubmissionsFor(twice.Request.Prompt)} times"
                : messages.Count != jobs ? $"{messages.Count} result messages for {jobs} jobs"
                : null;
            return new Outcome(
                clock.Elapsed,
                requests.Count / (double)jobs,
                globalCalls / (double)jobs,
                discord.RateLimitAnswers.Count(a => a.Scope == FakeRateLimitScope.Global),
                discord.RateLimitAnswers.Count(a => a.Scope != FakeRateLimitScope.Global),
                resent,
                problem is null,
                problem);
        }
        finally
        {
            foreach (var app in hosts)
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }

            await gateway.DisposeAsync();
            await discord.DisposeAsync();
            await gmi.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Settings(
        FakeDiscordServer discord, FakeGmiServer gmi, string folder, string? postgres, int shard, int shards, int globalLimit)
    {
        var settings = new Dictionary<string, string>
        {
            ["Discord:Token"] = discord.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString().TrimEnd('/'),
            ["Discord:ApplicationId"] = BotId.ToString(CultureInfo.InvariantCulture),
            ["Discord:ShardId"] = shard.ToString(CultureInfo.InvariantCulture),
            ["Discord:ShardCount"] = shards.ToString(CultureInfo.InvariantCulture),
            ["Discord:GlobalRequestsPerSecond"] = globalLimit.ToString(CultureInfo.InvariantCulture),
            ["Gmi:BaseUrl"] = gmi.BaseUrl,
            ["Gmi:ApiKey"] = FakeGmiServer.DefaultApiKey,
            ["Downloads:AllowedHosts:0"] = gmi.Host,
            ["Downloads:AllowPrivateAddresses"] = "true",
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Engine:IdleDelay"] = "00:00:00.050",
            ["Engine:WorkerId"] = $"scale-{shard}-of-{shards}",
            ["Engine:PollBudgetPerSecond"] = "1000",
            ["Engine:PollBurst"] = "1000",
            ["Bot:MaxRunningPerUser"] = "100",
            ["Bot:MaxQueuedPerUser"] = "100",
            ["Scale:HeartbeatInterval"] = "00:00:00.500",
            ["Scale:InstanceTimeout"] = "00:00:03",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        if (postgres is null)
        {
            settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "editbot.db")}";
        }
        else
        {
            settings["Storage:Provider"] = "Postgres";
            settings["Storage:ConnectionString"] = postgres;
        }

        return settings;
    }

    private static async Task WaitForCommandsAsync(FakeDiscordServer discord)
    {
        var probe = InteractionPayloads.SlashCommand("edit", new InteractionOrigin());
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!discord.IsCommandRegistered(probe) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static async Task<List<Job>> WaitForAllDoneAsync(IJobStore store, int jobs, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            var all = await store.ListAsync(new JobQuery { Limit = 100_000 }, cancellationToken);
            var scale = all.Where(j => j.Request.Prompt.StartsWith("scale ", StringComparison.Ordinal)).ToList();
            if ((scale.Count(j => j.IsTerminal) >= jobs) || DateTime.UtcNow > deadline)
            {
                return scale.Where(j => j.State == JobState.Done).ToList();
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The <paramref name="nth"/> guild id that Discord routes to <paramref name="shard"/> of <paramref name="shards"/>.</summary>
    private static ulong GuildOnShard(int shard, int shards, int nth)
    {
        var id = 1200000000000000001UL + ((ulong)nth * (ulong)shards << 22);
        while ((int)((id >> 22) % (ulong)shards) != shard)
        {
            id += 1UL << 22;
        }

        return id;
    }

    private static byte[] TestImage()
    {
        using var bitmap = new SkiaSharp.SKBitmap(256, 256);
        bitmap.Erase(SkiaSharp.SKColors.Teal);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private sealed record Outcome(TimeSpan Wall, double CallsPerJob, double GlobalCallsPerJob, int Global429s, int Route429s, int Resent, bool AllGood, string? Problem);
}

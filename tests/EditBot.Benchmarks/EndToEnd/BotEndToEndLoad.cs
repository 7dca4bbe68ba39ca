using System.Diagnostics;
using System.Globalization;
using EditBot.Composition;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Gateway;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Gmi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace EditBot.Benchmarks.EndToEnd;

/// <summary>
/// The time the bot itself adds, end to end: the real host against the fake Discord (REST + gateway) and a fake GMI
/// queue that answers at once. Measures /edit dispatch → submit for a 12 MP JPEG, API success → results posted
/// for 4 results, and N concurrent users (each one job): all delivered, 429s drawn from the fake Discord.
/// Beside each path, its floor: the round trips it cannot do without, one after another, timed after each sample by a
/// plain HttpClient against the same fake endpoints with the bodies the bot sent (<see cref="Floor"/>).
/// Usage: load bot-e2e [samples=30] [users=200]
/// </summary>
public sealed class BotEndToEndLoad : ILoadProgram
{
    public string Name => "bot-e2e";

    public string Description => "Bot-added latency (intake→submit, success→posted) and N concurrent users against the fakes";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        await using var world = await World.StartAsync();

        var photo = world.Discord.AddAttachment("photo.jpg", Jpeg(4000, 3000), "image/jpeg");
        var intake = new List<double>();
        var delivery = new List<double>();
        var intakeFloor = new List<double>();
        var deliveryFloor = new List<double>();
        var floorParts = new List<double[]>();
        using var floor = new Floor(world.Discord, world.Gmi);
        for (var i = 0; i < samples + 2; i++)
        {
            var (toSubmit, toPosted, origin, job) = await world.RunOneAsync(photo, $"sample {i}", count: 4, user: "1300000000000000001");
            var parts = await floor.DeliveryAsync(origin, job);
            var submitFloor = await floor.IntakeAsync(photo, job);
            if (i >= 2)
            {
                intake.Add(toSubmit);
                delivery.Add(toPosted);
                floorParts.Add(parts);
                deliveryFloor.Add(parts.Sum());
                intakeFloor.Add(submitFloor);
            }
        }

        Console.WriteLine($"| measurement ({samples} samples) | p50 | p99 | floor p50 | p50 / floor | target |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
        Console.WriteLine($"| /edit dispatch → submit, 12 MP JPEG | {Percentile(intake, 50):F0} ms | {Percentile(intake, 99):F0} ms | {Percentile(intakeFloor, 50):F0} ms | {Percentile(intake, 50) / Percentile(intakeFloor, 50):F1}x | p50 ≤ 150 ms |");
        Console.WriteLine($"| API success → 4 results posted | {Percentile(delivery, 50):F0} ms | {Percentile(delivery, 99):F0} ms | {Percentile(deliveryFloor, 50):F0} ms | {Percentile(delivery, 50) / Percentile(deliveryFloor, 50):F1}x | p50 ≤ 300 ms, ≤ 1.5x floor |");
        Console.WriteLine();
        Console.WriteLine("| delivery floor, p50 of each round trip | the results' downloads side by side (first GETs) | thread create | upload of the results message | final edit |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine("| ms | " + string.Join(" | ", Enumerable.Range(0, 4).Select(k => Percentile([.. floorParts.Select(p => p[k])], 50).ToString("F1", CultureInfo.InvariantCulture))) + " |");

        var small = world.Discord.AddAttachment("small.png", Png(512, 512), "image/png");
        var before = world.Discord.RateLimitAnswers.Count;
        var clock = Stopwatch.StartNew();
        var runs = Enumerable.Range(0, users).Select(u => world.RunOneAsync(small, $"user {u}", count: 1, user: (1400000000000000000UL + (ulong)u).ToString(CultureInfo.InvariantCulture)));
        await Task.WhenAll(runs);
        var jobs = await world.Store.ListAsync(new JobQuery { CreatedSince = DateTimeOffset.UtcNow.AddHours(-1), Limit = 100_000 }, cancellationToken);
        var delivered = jobs.Count(j => j.Request.Prompt.StartsWith("user ", StringComparison.Ordinal) && j.State == JobState.Done);
        Console.WriteLine();
        Console.WriteLine($"| {users} concurrent users, one job each | delivered {delivered}/{users} | wall {clock.Elapsed.TotalSeconds:F1} s | 429s drawn from the fake Discord: {world.Discord.RateLimitAnswers.Count - before} |");
        return delivered == users ? 0 : 1;
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Teal, SKColors.Gold], SKShaderTileMode.Clamp) })
        {
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The three fakes and the bot.</summary>
    private sealed class World : IAsyncDisposable
    {
        private const ulong BotId = 1100000000000000001;

        private World(FakeDiscordServer discord, FakeDiscordGateway gateway, FakeGmiServer gmi, WebApplication app, string folder)
        {
            Discord = discord;
            Gateway = gateway;
            Gmi = gmi;
            App = app;
            Folder = folder;
        }

        public FakeDiscordServer Discord { get; }

        public FakeDiscordGateway Gateway { get; }

        public FakeGmiServer Gmi { get; }

        public WebApplication App { get; }

        public string Folder { get; }

        public IJobStore Store => App.Services.GetRequiredService<IJobStore>();

        public static async Task<World> StartAsync()
        {
            var gmi = new FakeGmiServer { ZeroLatency = true };
            await gmi.StartAsync();
            var discord = new FakeDiscordServer { ApplicationId = BotId, BotUserId = BotId };
            await discord.StartAsync();
            var gateway = await FakeDiscordGateway.StartAsync();
            discord.GatewayUrl = gateway.Url;
            discord.AddChannel(type: 0, id: ulong.Parse(InteractionOrigin.DefaultChannelId, CultureInfo.InvariantCulture));
            var folder = Directory.CreateTempSubdirectory("editbot-bench-").FullName;
            var settings = new Dictionary<string, string>
            {
                ["Discord:Token"] = discord.Token,
                ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString().TrimEnd('/'),
                ["Discord:ApplicationId"] = BotId.ToString(CultureInfo.InvariantCulture),
                ["Gmi:BaseUrl"] = gmi.BaseUrl,
                ["Gmi:ApiKey"] = FakeGmiServer.DefaultApiKey,
                ["Downloads:AllowedHosts:0"] = gmi.Host,
                ["Downloads:AllowPrivateAddresses"] = "true",
                ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "editbot.db")}",
                ["Http:Urls"] = "http://127.0.0.1:0",
                ["Engine:IdleDelay"] = "00:00:00.050",
                ["Bot:MaxRunningPerUser"] = "100",
                ["Bot:MaxQueuedPerUser"] = "100",
                ["Serilog:MinimumLevel:Default"] = "Warning",
            };
            var app = BotHost.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
            await app.StartAsync();
            await gateway.WaitForIdentifyAsync();
            return new World(discord, gateway, gmi, app, folder);
        }

        /// <summary>Runs one /edit and returns (dispatch → submit, API success → done) in milliseconds, its interaction and its job.</summary>
        public async Task<(double ToSubmit, double ToPosted, InteractionOrigin Origin, Job Job)> RunOneAsync(FakeAttachment image, string prompt, int count, string user)
        {
            var origin = new InteractionOrigin { User = new DiscordUserSpec(user, "user" + user[^4..]) }; // fresh interaction id and token
            var payload = InteractionPayloads.SlashCommand(
                "edit",
                origin,
                CommandOption.File("image", new AttachmentSpec(image.Url.ToString(), image.Filename, image.ContentType, image.Size, image.Width ?? 1, image.Height ?? 1)),
                CommandOption.Text("prompt", prompt),
                CommandOption.Number("count", count),
                CommandOption.Text("quality", "low"));
            Discord.RegisterInteraction(ulong.Parse(origin.InteractionId, CultureInfo.InvariantCulture), origin.Token, ulong.Parse(origin.ChannelId, CultureInfo.InvariantCulture));
            var dispatched = DateTimeOffset.UtcNow;
            await Gateway.DispatchAsync("INTERACTION_CREATE", payload);
            var job = await WaitForDoneAsync(prompt);
            var submitted = Gmi.FindByPrompt(prompt)!.CreatedAt;
            return ((submitted - dispatched).TotalMilliseconds, (job.CompletedAt!.Value - job.SubmittedAt!.Value).TotalMilliseconds, origin, job);
        }

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
            await Gateway.DisposeAsync();
            try
            {
                await Discord.DisposeAsync(); // throws when a request broke Discord's contract
            }
            finally
            {
                await Gmi.DisposeAsync();
            }

            Directory.Delete(Folder, recursive: true);
        }

        private async Task<Job> WaitForDoneAsync(string prompt)
        {
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (DateTime.UtcNow < deadline)
            {
                var jobs = await Store.ListAsync(new JobQuery { CreatedSince = DateTimeOffset.UtcNow.AddMinutes(-10), Limit = 1000 }, CancellationToken.None);
                var job = jobs.FirstOrDefault(j => j.Request.Prompt == prompt);
                if (job is { IsTerminal: true })
                {
                    return job.State == JobState.Done ? job : throw new InvalidOperationException($"'{prompt}' ended {job.State}: {job.Failure?.Message}");
                }

                await Task.Delay(25); // the figures come from stored timestamps, not from this loop
            }

            throw new TimeoutException($"'{prompt}' did not finish.");
        }
    }
}

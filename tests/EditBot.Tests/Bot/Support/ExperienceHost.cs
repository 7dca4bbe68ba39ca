using System.Text.Json.Nodes;
using System.Text.Json;
using EditBot.Bot;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Discord.Events;
using EditBot.Discord;
using EditBot.Gmi;
using EditBot.Imaging;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Gmi;
using EditBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EditBot.Tests.Bot.Support;

/// <summary>
/// The experience layer on the real engine, SQLite, fake GMI and fake Discord (loopback). No transport: tests
/// write events straight into <see cref="DiscordEventChannel"/>, as the gateway or the HTTP endpoint would.
/// </summary>
public sealed class ExperienceHost : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("editbot-experience-").FullName;
    private IHost? _host;

    public FakeDiscordServer Discord { get; } = new();

    public FakeGmiServer Gmi { get; } = new() { Duration = FakeGmiServer.OneSecond }; // fast jobs: the suite's pace

    public IServiceProvider Services => _host!.Services;

    public JobService Jobs => Services.GetRequiredService<JobService>();

    public static async Task<ExperienceHost> StartAsync(IDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        var host = new ExperienceHost();
        await host.Discord.StartAsync();
        await host.Gmi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = host.Discord.Token,
            ["Discord:ApplicationId"] = host.Discord.ApplicationId.ToString(),
            ["Discord:ApiBaseUrl"] = host.Discord.ApiBaseUrl.AbsoluteUri,
            ["Gmi:BaseUrl"] = host.Gmi.BaseUrl,
            ["Gmi:ApiKey"] = FakeGmiServer.DefaultApiKey,
            ["Downloads:AllowedHosts:0"] = "127.0.0.1",
            ["Downloads:AllowPrivateAddresses"] = "true",
            ["Engine:IdleDelay"] = "00:00:00.050",
            ["Engine:MinPollInterval"] = "00:00:00.100",
            ["Engine:MaxPollInterval"] = "00:00:00.300",
            ["Bot:ProgressEditInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddEditBotSqliteStorage($"Data Source={Path.Combine(host._folder, "editbot.db")}");
        builder.Services.AddEditBotCore(configuration);
        builder.Services.AddEditBotGmi(configuration);
        builder.Services.AddImaging().BindConfiguration(ImagingOptions.SectionName);
        builder.Services.AddEditBotDiscordRest(configuration);
        builder.Services.AddEditBotExperience(configuration);
        host._host = builder.Build();
        await host._host.StartAsync();
        return host;
    }

    /// <summary>Delivers an event as a transport would.</summary>
    public ValueTask SendAsync(string type, JsonNode payload) =>
        Services.GetRequiredService<DiscordEventChannel>().Writer.WriteAsync(
            new DiscordEvent(type, JsonSerializer.SerializeToUtf8Bytes(payload), 0));

    public async Task<Job> WaitForJobAsync(Func<Job, bool> done, TimeSpan? timeout = null)
    {
        var store = Services.GetRequiredService<IJobStore>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var jobs = await store.ListAsync(new JobQuery { Limit = 10 }, CancellationToken.None);
            if (jobs.FirstOrDefault(done) is { } job)
            {
                return job;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No job reached the expected state. Discord saw: " + string.Join(", ", Discord.Requests.Select(r => r.ToString())));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        try
        {
            await Discord.DisposeAsync(); // throws when a request broke Discord's contract and the test did not clear it
        }
        finally
        {
            await Gmi.DisposeAsync();
            TempFolder.DeleteQuietly(_folder);
        }
    }
}

using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EditBot.Gmi.Tests.Support;

/// <summary>Builds the real registrations (AddEditBotGmi) pointed at a fake GMI server.</summary>
public static class GmiTestServices
{
    public static ServiceProvider Create(FakeGmiServer fake, Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null, LogCapture? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gmi:ApiKey"] = FakeGmiServer.DefaultApiKey,
            ["Gmi:BaseUrl"] = fake.BaseUrl,
            ["Gmi:RequestTimeout"] = "00:01:00",
            ["Gmi:RetryBaseDelay"] = "00:00:00.010",
            ["Gmi:RetryMaxDelay"] = "00:00:00.050",
            ["Downloads:AllowedHosts:0"] = fake.Host,
            ["Downloads:AllowPrivateAddresses"] = "true",
            ["Downloads:RetryBaseDelay"] = "00:00:00.010",
            ["Downloads:RetryMaxDelay"] = "00:00:00.050",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddEditBotGmi(configuration);
        return services.BuildServiceProvider();
    }

    public static async Task<FakeGmiServer> StartFakeAsync(TimeProvider? time = null)
    {
        var fake = new FakeGmiServer(time) { Duration = FakeGmiServer.OneSecond }; // fast jobs: the suite's pace, not GMI's
        await fake.StartAsync();
        return fake;
    }
}

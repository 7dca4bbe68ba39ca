using EditBot.Core.Engine;
using EditBot.Core.Storage;
using EditBot.Moderation;
using EditBot.Origin;
using EditBot.Tests.Moderation.Support;
using EditBot.TestSupport.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EditBot.Tests.Moderation;

public sealed class ModerationRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> config)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddLogging();
        services.AddSingleton<IJobStore, InMemoryJobStore>();
        services.AddSingleton<IKeyValueStore, InMemoryKeyValueStore>();
        services.AddEditBotModeration<OriginModerationContextReader>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Registers_the_gate_and_the_services_the_host_calls()
    {
        using var provider = Build(new() { ["Moderation:SettingsCacheDuration"] = "00:00:10" });

        Assert.IsType<ModerationSubmissionGate>(provider.GetRequiredService<ISubmissionGate>());
        Assert.NotNull(provider.GetRequiredService<ModerationService>());
        Assert.NotNull(provider.GetRequiredService<UsageReportBuilder>());
        Assert.Same(provider.GetRequiredService<CostEstimator>(), provider.GetRequiredService<CostEstimator>());
        Assert.Equal(TimeSpan.FromSeconds(10), provider.GetRequiredService<IOptions<ModerationOptions>>().Value.SettingsCacheDuration);
    }

    [Fact]
    public void An_out_of_range_option_is_refused_with_its_name()
    {
        using var provider = Build(new() { ["Moderation:UsageScanLimit"] = "5" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModerationOptions>>().Value);
        Assert.Contains("UsageScanLimit", error.Message);
    }
}

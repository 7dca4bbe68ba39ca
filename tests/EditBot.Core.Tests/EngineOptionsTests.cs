using EditBot.Core.Engine;
using EditBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Tests;

public sealed class EngineOptionsTests
{
    [Fact]
    public async Task Defaults_bind_and_validate()
    {
        await using var engine = new EngineHarness();
        var options = engine.Services.GetRequiredService<IOptions<EngineOptions>>().Value;

        Assert.Equal(32, options.MaxConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(20), options.LeaseDuration);
        Assert.Equal(20, options.PollBudgetPerSecond);
        Assert.Equal(TimeSpan.FromMinutes(20), options.MaxJobDuration);
        Assert.Equal(2, options.MaxRateLimitResubmits);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RateLimitResubmitPause);
    }

    [Theory]
    [InlineData("Engine:MaxConcurrency", "0", "MaxConcurrency")]
    [InlineData("Engine:MinPollInterval", "00:02:00", "MinPollInterval")]
    [InlineData("Engine:StepBackoffBase", "02:00:00", "StepBackoffBase")]
    [InlineData("Engine:LeaseDuration", "00:00:01", "LeaseDuration")]
    public async Task Invalid_settings_are_refused_naming_the_setting(string key, string value, string named)
    {
        await using var engine = new EngineHarness(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => engine.Services.GetRequiredService<IOptions<EngineOptions>>().Value);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task The_worker_is_registered_as_a_hosted_service_and_the_status_is_shared()
    {
        await using var engine = new EngineHarness();

        var hosted = engine.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>();
        Assert.Same(engine.Worker, Assert.Single(hosted));
        Assert.Same(engine.Status, engine.Services.GetRequiredService<IEngineStatus>());
        Assert.Same(engine.Time, engine.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void The_default_worker_id_differs_between_instances()
    {
        Assert.NotEqual(new EngineOptions().WorkerId, new EngineOptions().WorkerId);
        Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), new EngineOptions().WorkerId);
    }
}

using EditBot.Bot.DiscordStartup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EditBot.Tests.Hosting;

/// <summary>Discord:Retry is validated when the bot starts: a backoff that would hammer Discord stops start-up naming the key.</summary>
public sealed class DiscordRetryOptionsTests
{
    [Theory]
    [InlineData("00:00:00", "00:01:00", "Discord:Retry:BaseDelay must be positive")]
    [InlineData("00:00:05", "00:00:01", "Discord:Retry:MaxDelay must be at least Discord:Retry:BaseDelay")]
    public void A_bad_backoff_is_refused_naming_the_key(string baseDelay, string maxDelay, string expected)
    {
        using var services = Build(baseDelay, maxDelay);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordRetryOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var services = Build(null, null);

        var options = services.GetRequiredService<IOptions<DiscordRetryOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), (options.BaseDelay, options.MaxDelay));
    }

    private static ServiceProvider Build(string? baseDelay, string? maxDelay)
    {
        var settings = new Dictionary<string, string?> { ["Discord:Retry:BaseDelay"] = baseDelay, ["Discord:Retry:MaxDelay"] = maxDelay };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddEditBotDiscordStartup();
        return services.BuildServiceProvider();
    }
}

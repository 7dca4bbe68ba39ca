using EditBot.Discord.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>
/// Discord:Gateway's reconnect backoff is validated when the bot starts. Review of issue 11: the gateway's backoff
/// became the shared one, which throws on a zero or inverted delay. Old code: such a setting passed start-up and
/// stopped the shard at its first reconnect.
/// </summary>
public sealed class GatewayClientOptionsTests
{
    [Theory]
    [InlineData("00:00:00", "00:01:00", "Discord:Gateway:ReconnectBaseDelay must be positive")]
    [InlineData("00:00:05", "00:00:01", "Discord:Gateway:ReconnectMaxDelay must be at least Discord:Gateway:ReconnectBaseDelay")]
    public void A_bad_reconnect_backoff_is_refused_naming_the_key(string baseDelay, string maxDelay, string expected)
    {
        using var services = Build(baseDelay, maxDelay);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GatewayClientOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var services = Build(null, null);

        var options = services.GetRequiredService<IOptions<GatewayClientOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), (options.ReconnectBaseDelay, options.ReconnectMaxDelay));
    }

    private static ServiceProvider Build(string? baseDelay, string? maxDelay)
    {
        var settings = new Dictionary<string, string?> { ["Discord:Gateway:ReconnectBaseDelay"] = baseDelay, ["Discord:Gateway:ReconnectMaxDelay"] = maxDelay };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddEditBotDiscordGateway();
        return services.BuildServiceProvider();
    }
}

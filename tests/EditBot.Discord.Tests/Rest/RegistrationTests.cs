using EditBot.Discord.Gateway;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.Tests.Rest;

public sealed class RegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging()
            .AddEditBotDiscordRest(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    [Fact]
    public void The_rest_client_is_also_the_gateway_info_provider()
    {
        using var services = Build([]);

        Assert.IsType<DiscordRestClient>(services.GetRequiredService<IGatewayInfoProvider>());
        Assert.Equal(new Uri("https://discord.com/api/v10"), services.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl);
    }

    [Theory]
    [InlineData("Discord:ApiBaseUrl", "ftp://example.com/api", "Discord:ApiBaseUrl")]
    [InlineData("Discord:Transport", "Http", "Discord:PublicKey")]
    [InlineData("Discord:ShardCount", "2", "Discord:ShardId")]
    public void Invalid_settings_fail_with_a_message_naming_the_key(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "Discord:ShardCount")
        {
            settings["Discord:ShardId"] = "2";
        }

        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordOptions>>().Value);
        Assert.Contains(named, error.Message);
    }
}

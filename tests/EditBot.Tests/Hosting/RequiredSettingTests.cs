using EditBot.Composition;
using Microsoft.Extensions.Configuration;

namespace EditBot.Tests.Hosting;

public sealed class RequiredSettingTests
{
    [Fact]
    public void Missing_key_message_names_the_key_and_its_environment_variable()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gmi:ApiKey"] = "k" }).Build();

        var missing = RequiredSetting.FirstMissing(config, [RequiredSetting.GmiApiKey, RequiredSetting.DiscordToken]);

        Assert.Same(RequiredSetting.DiscordToken, missing);
        Assert.Equal(
            "EditBot cannot start: Discord:Token (the bot token from the Developer Portal) is not set. Set it in appsettings.json or as the environment variable Discord__Token.",
            missing!.MissingMessage);
    }

    [Fact]
    public void Whitespace_counts_as_missing()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gmi:ApiKey"] = "  " }).Build();

        Assert.False(RequiredSetting.GmiApiKey.IsSetIn(config));
    }
}

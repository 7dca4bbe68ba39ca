using Microsoft.Extensions.Configuration;

namespace EditBot.Tests.Hosting;

public sealed class ExampleSettingsTests
{
    // The configuration contract (README, Configuration): every key must be in appsettings.example.json.
    private static readonly string[] ContractKeys =
    [
        "Discord:Token", "Discord:ApplicationId", "Discord:ApiBaseUrl", "Discord:Transport", "Discord:PublicKey",
        "Discord:CommandGuildId", "Discord:MessageContentIntent", "Discord:ShardId", "Discord:ShardCount",
        "Gmi:ApiKey", "Gmi:BaseUrl", "Gmi:Model", "Gmi:OrganizationId", "Storage:Provider", "Storage:ConnectionString",
        "Downloads:AllowedHosts", "Downloads:AllowPrivateAddresses", "Http:Urls", "Http:PublicBaseUrl", "Http:MaskLinkLifetime", "Http:MaskLinkKey",
        "Imaging:MaxConcurrentPixels",
        "Moderation:DirectMessages", "Moderation:UserInstall", "Moderation:GlobalDailyEditsPerUser", "Moderation:GlobalDailyBudgetUsd", "Moderation:GlobalBlocklist",
        "Scale:HeartbeatInterval", "Scale:InstanceTimeout", "Scale:LeaderRetryInterval",
    ];

    [Fact]
    public void The_example_settings_load_with_comments_and_name_every_contract_key()
    {
        var file = FindUp("appsettings.example.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();
        var comments = File.ReadAllLines(file).Where(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)).ToList();

        Assert.All(ContractKeys, key =>
        {
            var (section, name) = (key.Split(':')[0], key.Split(':')[1]);
            Assert.True(configuration.GetSection(section).GetChildren().Any(c => c.Key == name), $"{key} is missing");
            Assert.True(comments.Any(c => c.Contains(key + " ", StringComparison.Ordinal)), $"{key} has no comment");
        });
        Assert.Equal("https://discord.com/api/v10", configuration["Discord:ApiBaseUrl"]);
        Assert.Equal("cdn.discordapp.com", configuration["Downloads:AllowedHosts:0"]);
    }

    /// <summary>
    /// Walks up from the test binaries (inside the repository in a normal build), then from this source file (when
    /// the build output lives elsewhere; CI's deterministic builds map source paths, so that one alone won't do).
    /// </summary>
    private static string FindUp(string name, [System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? string.Empty })
        {
            for (var dir = new DirectoryInfo(start); dir is not null && dir.Exists; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException(name);
    }
}

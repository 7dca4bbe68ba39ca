using EditBot.Bot;
using EditBot.Bot.Intake;
using EditBot.Discord;
using EditBot.Discord.Gateway;
using EditBot.Moderation.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.Hosting;

/// <summary>
/// The per-layer registrations may be called in any order: a layer that overrides another's service registers with
/// Replace and the layer it overrides with TryAdd, so whichever runs first, the override is the one service left.
/// </summary>
public sealed class RegistrationOrderTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().Build();

    [Fact]
    public void The_moderation_intake_policy_wins_whether_moderation_or_the_experience_registers_first()
    {
        var experienceFirst = new ServiceCollection().AddEditBotExperience(Configuration).AddEditBotModerationDiscord(Configuration);
        var moderationFirst = new ServiceCollection().AddEditBotModerationDiscord(Configuration).AddEditBotExperience(Configuration);

        Assert.Equal(typeof(ModerationIntakePolicy), Assert.Single(experienceFirst, d => d.ServiceType == typeof(IIntakePolicy)).ImplementationType);
        Assert.Equal(typeof(ModerationIntakePolicy), Assert.Single(moderationFirst, d => d.ServiceType == typeof(IIntakePolicy)).ImplementationType);
    }

    [Fact]
    public void The_retrying_gateway_lookup_wins_whether_start_up_retry_or_the_rest_client_registers_first()
    {
        var restFirst = new ServiceCollection().AddEditBotDiscordRest(Configuration).AddEditBotDiscordStartup();
        var startupFirst = new ServiceCollection().AddEditBotDiscordStartup().AddEditBotDiscordRest(Configuration);

        Assert.Equal(typeof(DiscordStartupServiceCollectionExtensions), DeclaringTypeOf(Assert.Single(restFirst, d => d.ServiceType == typeof(IGatewayInfoProvider))));
        Assert.Equal(typeof(DiscordStartupServiceCollectionExtensions), DeclaringTypeOf(Assert.Single(startupFirst, d => d.ServiceType == typeof(IGatewayInfoProvider))));
    }

    /// <summary>The class whose registration made the factory (its lambda lives in a class nested in it).</summary>
    private static Type? DeclaringTypeOf(ServiceDescriptor descriptor)
    {
        var type = descriptor.ImplementationFactory?.Method.DeclaringType;
        while (type?.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}

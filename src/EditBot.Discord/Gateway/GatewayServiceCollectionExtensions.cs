using EditBot.Discord.Events;
using EditBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gateway client: <see cref="GatewayHostedService"/> (runs the shards), <see cref="GatewayState"/>
    /// (health) and its options (<c>Discord:Gateway</c>). Expects <see cref="IGatewayInfoProvider"/> and the
    /// <c>DiscordOptions</c> registration from the REST layer.
    /// </summary>
    public static IServiceCollection AddEditBotDiscordGateway(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GatewayClientOptions>().BindConfiguration(GatewayClientOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<GatewayClientOptions>, GatewayClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordEventChannel>();
        services.TryAddSingleton<GatewayIdentifyGate>();
        services.TryAddSingleton<GatewayState>();
        services.AddHostedService<GatewayHostedService>();
        return services;
    }
}

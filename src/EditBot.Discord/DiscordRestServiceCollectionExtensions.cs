using EditBot.Discord.Commands;
using EditBot.Discord.Events;
using EditBot.Discord.Gateway;
using EditBot.Discord.Interactions;
using EditBot.Discord.RateLimits;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EditBot.Discord;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord REST side: options (section "Discord", validated at start), <see cref="DiscordRestClient"/>
    /// (typed HttpClient, also the <see cref="IGatewayInfoProvider"/>), the rate limiter, <see cref="InteractionResponderFactory"/>,
    /// <see cref="CommandRegistrar"/> and <see cref="DiscordEventChannel"/>.
    /// </summary>
    public static IServiceCollection AddEditBotDiscordRest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordRestOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InvalidRequestCounter>();
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordApplicationIdCache>();
        services.TryAddSingleton<DiscordEventChannel>();
        services.TryAddSingleton<InteractionResponderFactory>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<IGatewayInfoProvider>(sp => sp.GetRequiredService<DiscordRestClient>());

        // Singletons hold the typed client, so its handler must not rotate; pooled connections still refresh DNS.
        // The factory's default loggers write full URLs, and interaction routes carry the token in the path: removed.
        services.AddHttpClient<DiscordRestClient>(client => client.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return services;
    }
}

using EditBot.Bot.DiscordStartup;
using EditBot.Discord.Gateway;
using EditBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class DiscordStartupServiceCollectionExtensions
{
    /// <summary>
    /// Discord may be down when the bot starts: start-up calls (gateway discovery, command registration) wait it out
    /// with <see cref="DiscordStartupRetry"/> instead of failing the host. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddEditBotDiscordStartup(this IServiceCollection services)
    {
        services.AddOptions<DiscordRetryOptions>().BindConfiguration(DiscordRetryOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordRetryOptions>, DiscordRetryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordAvailability>();
        services.TryAddSingleton<DiscordStartupRetry>();
        services.Replace(ServiceDescriptor.Singleton<IGatewayInfoProvider>(
            sp => new RetryingGatewayInfoProvider(sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<DiscordStartupRetry>())));
        return services;
    }
}

using EditBot.Discord;
using EditBot.Discord.Events;
using EditBot.Discord.HttpInteractions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class HttpInteractionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the interactions endpoint's services (signature verifier, request handler, options from
    /// <c>Discord:HttpInteractions</c>) and checks <c>Discord:PublicKey</c> at start when the transport is Http.
    /// Map the endpoint with <c>app.MapDiscordInteractions()</c>.
    /// </summary>
    public static IServiceCollection AddEditBotDiscordHttpInteractions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HttpInteractionsOptions>().BindConfiguration(HttpInteractionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, PublicKeyValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordEventChannel>();
        services.TryAddSingleton<InteractionSignatureVerifier>();
        services.TryAddSingleton<InteractionRequestHandler>();
        return services;
    }
}

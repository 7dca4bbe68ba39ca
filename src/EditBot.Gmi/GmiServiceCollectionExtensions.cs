using EditBot.Core.Backend;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EditBot.Gmi;

public static class GmiServiceCollectionExtensions
{
    /// <summary>
    /// Registers GmiOptions ("Gmi") and DownloadOptions ("Downloads"), validated at start, the typed clients
    /// (GmiClient, GmiUploadClient, SafeMediaDownloader) and IEditBackend. No retry or resilience handler is added:
    /// the submit POST must never be repeated by a handler (reads retry inside the clients).
    /// </summary>
    public static IServiceCollection AddEditBotGmi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GmiOptions>().Bind(configuration.GetSection(GmiOptions.SectionName)).ValidateOnStart();
        services.AddOptions<DownloadOptions>().Bind(configuration.GetSection(DownloadOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GmiOptions>, GmiOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DownloadOptions>, DownloadOptionsValidator>());

        // Timeouts are enforced per call on the injected clock, so HttpClient's own timer is switched off.
        services.AddHttpClient<GmiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient<GmiUploadClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient<SafeMediaDownloader>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => SafeMediaDownloader.CreateHandler(sp.GetRequiredService<IOptions<DownloadOptions>>().Value));
        services.TryAddTransient<IEditBackend, GmiEditBackend>();
        return services;
    }
}

using EditBot.Adapters;
using EditBot.Core.Engine;
using EditBot.Gmi;
using EditBot.Imaging;
using EditBot.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace EditBot.Composition;

public static class EngineRegistration
{
    /// <summary>
    /// The job engine as every verb runs it: store, Core worker, GMI backend, imaging, metrics. HttpClient's own
    /// request logging is removed because it writes whole URLs, which carry tokens and signatures.
    /// </summary>
    public static IServiceCollection AddEditBotEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EditBotMetrics>();
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, HttpMetricsHandlerFilter>());
        services.AddEditBotStorage(configuration);
        services.AddEditBotCore(configuration);
        services.AddEditBotGmi(configuration);
        services.AddImaging().BindConfiguration(ImagingOptions.SectionName);
        services.AddSingleton<IInputPreparer, ImagingInputPreparer>();
        services.AddSingleton<IJobObserver, JobMetricsObserver>();
        return services;
    }
}

using EditBot.Core.Cluster;
using EditBot.Core.Engine.Steps;
using EditBot.Core.Polling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Engine;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the job engine: <see cref="EngineOptions"/> (section "Engine", validated at start),
    /// <see cref="JobService"/>, <see cref="IEngineStatus"/>, the adaptive polling policy, the poll budget and
    /// the <see cref="JobWorker"/> hosted service. The host registers the stores, the backend, the deliveries
    /// and optionally an <see cref="IInputPreparer"/>, observers and submission gates.
    /// </summary>
    public static IServiceCollection AddEditBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EngineOptions>()
            .Bind(configuration.GetSection(EngineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<WorkSignal>();
        services.TryAddSingleton<Storage.IAdmissionLock, Storage.InProcessAdmissionLock>();
        services.TryAddSingleton<EngineStatus>();
        services.TryAddSingleton<IEngineStatus>(sp => sp.GetRequiredService<EngineStatus>());
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<EngineOptions>>().Value;
            return new AdaptivePollingPolicy(new PollingSettings(o.MinPollInterval, o.MaxPollInterval, o.PollCost, o.TailBackoffFactor));
        });
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<EngineOptions>>().Value;
            return new PollBudget(o.PollBudgetPerSecond, o.PollBurst, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ClusterShares>());
        });
        services.AddEditBotCluster(configuration);
        services.AddClusterRole(ClusterRole.StatusPolls);

        services.TryAddSingleton<StepDependencies>();
        services.TryAddSingleton(sp => new InputLoader(sp.GetRequiredService<StepDependencies>(), sp.GetService<IInputPreparer>()));
        services.TryAddSingleton<PickUpStep>();
        services.TryAddSingleton<PrepareStep>();
        services.TryAddSingleton<SubmitStep>();
        services.TryAddSingleton<PollStep>();
        services.TryAddSingleton<DeliveryRoutes>();
        services.TryAddSingleton<FetchStep>();
        services.TryAddSingleton<DeliverStep>();
        services.TryAddSingleton<JobObservers>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<LeaseKeeper>();

        services.TryAddSingleton(sp => new JobService(
            sp.GetRequiredService<Storage.IJobStore>(),
            sp.GetRequiredService<WorkSignal>(),
            sp.GetRequiredService<JobObservers>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new JobWorker(
            sp.GetRequiredService<Storage.IJobStore>(),
            sp.GetRequiredService<JobRunner>(),
            sp.GetRequiredService<LeaseKeeper>(),
            sp.GetRequiredService<EngineStatus>(),
            sp.GetRequiredService<WorkSignal>(),
            sp.GetRequiredService<IOptions<EngineOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JobWorker>>(),
            sp.GetServices<IJobDelivery>()));
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        return services;
    }
}

using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using EditBot.Core.Storage;
using EditBot.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared PostgreSQL stores (IJobStore, IBlobStore, IKeyValueStore) and the admission lock as singletons over one
    /// pooled data source, and what instances share through it: heartbeat rows (<see cref="IInstanceRegistry"/> and the
    /// membership service that splits the deployment-wide budgets), one leader per singleton task (advisory locks), and
    /// the LISTEN that wakes idle workers. The schema is migrated on first use, under an advisory lock.
    /// </summary>
    public static IServiceCollection AddEditBotPostgresStorage(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PostgresDatabase(connectionString, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IJobStore, PostgresJobStore>();
        services.AddSingleton<IBlobStore, PostgresBlobStore>();
        services.AddSingleton<IKeyValueStore, PostgresKeyValueStore>();
        services.AddSingleton<IAdmissionLock, PostgresAdmissionLock>();

        services.TryAddSingleton<WorkSignal>();
        services.TryAddSingleton<ClusterShares>();
        services.AddSingleton<IInstanceRegistry, PostgresInstanceRegistry>();
        services.AddHostedService<ClusterMembershipService>();
        services.AddSingleton<PostgresLeaderElection>();
        // Replace, not TryAdd: whichever layer registers first, the shared store's election wins over the single instance's.
        services.Replace(ServiceDescriptor.Singleton<ILeaderElection>(sp => sp.GetRequiredService<PostgresLeaderElection>()));
        services.AddHostedService(sp => sp.GetRequiredService<PostgresLeaderElection>());
        services.AddSingleton<PostgresJobNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresJobNotifications>());
        return services;
    }
}

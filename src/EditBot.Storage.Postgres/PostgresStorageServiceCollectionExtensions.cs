using EditBot.Core.Storage;
using EditBot.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared PostgreSQL stores (IJobStore, IBlobStore, IKeyValueStore) and the admission lock as singletons over one
    /// pooled data source. The schema is migrated on first use, under an advisory lock.
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
        return services;
    }
}

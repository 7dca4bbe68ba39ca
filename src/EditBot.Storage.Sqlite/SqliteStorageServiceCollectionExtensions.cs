using EditBot.Core.Storage;
using EditBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded SQLite stores (IJobStore, IBlobStore, IKeyValueStore) as singletons over one
    /// database file. The schema is migrated on first use.
    /// </summary>
    public static IServiceCollection AddEditBotSqliteStorage(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteDatabase(connectionString, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IJobStore, SqliteJobStore>();
        services.AddSingleton<IBlobStore, SqliteBlobStore>();
        services.AddSingleton<IKeyValueStore, SqliteKeyValueStore>();
        return services;
    }
}

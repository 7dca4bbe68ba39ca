using EditBot.Core.Storage;
using EditBot.Storage.Postgres;
using EditBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Composition;

public static class StorageRegistration
{
    /// <summary>Registers the store named by <c>Storage:Provider</c> and the blob retention service.</summary>
    public static IServiceCollection AddEditBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.Section);
        var options = new StorageOptions();
        section.Bind(options);
        services.AddOptions<StorageOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        if (options.IsPostgres)
        {
            services.AddEditBotPostgresStorage(options.ConnectionString);
        }
        else
        {
            services.AddEditBotSqliteStorage(options.ConnectionString);
        }

        services.AddEditBotBlobRetention();
        return services;
    }
}

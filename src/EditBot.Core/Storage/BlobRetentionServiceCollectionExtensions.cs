using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Storage;

/// <summary>Registration of <see cref="BlobRetentionService"/>.</summary>
public static class BlobRetentionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the hourly blob sweep. Needs an <see cref="IBlobStore"/> (AddEditBotSqliteStorage or
    /// AddEditBotPostgresStorage) and the bound <see cref="StorageOptions"/>.
    /// </summary>
    public static IServiceCollection AddEditBotBlobRetention(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>();
        services.AddHostedService<BlobRetentionService>();
        return services;
    }
}

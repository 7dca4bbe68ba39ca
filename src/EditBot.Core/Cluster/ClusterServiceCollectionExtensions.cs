using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Registers what instances share: <see cref="ClusterOptions"/> (section "Scale", validated at start),
    /// <see cref="ClusterShares"/> and, unless a shared store registered its own, the single-instance
    /// <see cref="ILeaderElection"/>. A shared store adds an <see cref="IInstanceRegistry"/> and the
    /// <see cref="ClusterMembershipService"/> that feeds the shares from it.
    /// </summary>
    public static IServiceCollection AddEditBotCluster(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClusterOptions>()
            .Bind(configuration.GetSection(ClusterOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddSingleton<ClusterShares>();
        services.TryAddSingleton<ILeaderElection, SingleInstanceLeaderElection>();
        return services;
    }

    /// <summary>Declares that this process spends <paramref name="role"/>'s deployment-wide budget (once, however often called).</summary>
    public static IServiceCollection AddClusterRole(this IServiceCollection services, ClusterRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (!services.Any(d => d.ServiceType == typeof(ClusterRole) && Equals(d.ImplementationInstance, role)))
        {
            services.AddSingleton(role);
        }

        return services;
    }
}

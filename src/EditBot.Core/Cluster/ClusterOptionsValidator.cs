using Microsoft.Extensions.Options;

namespace EditBot.Core.Cluster;

/// <summary>An instance must heartbeat at least twice within the timeout, or a live instance would flicker out of the count.</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.InstanceTimeout < options.HeartbeatInterval * 2
            ? ValidateOptionsResult.Fail(
                $"Scale:InstanceTimeout ({options.InstanceTimeout}) must be at least twice Scale:HeartbeatInterval ({options.HeartbeatInterval}) " +
                "(environment variables Scale__InstanceTimeout, Scale__HeartbeatInterval).")
            : ValidateOptionsResult.Success;
    }
}

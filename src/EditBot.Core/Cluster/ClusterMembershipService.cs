using EditBot.Core.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Cluster;

/// <summary>
/// Keeps this instance's heartbeat row fresh and <see cref="ClusterShares"/> up to date, every
/// <see cref="ClusterOptions.HeartbeatInterval"/> (every instance, no election). On joining a deployment where others
/// are live it waits <see cref="ClusterOptions.JoinDelay"/> before marking itself joined, so its first request never
/// lands on top of the others' old, whole shares. A failed heartbeat keeps the last counts: an instance that cannot reach
/// the store cannot run jobs either. Registered only with a shared store.
/// </summary>
public sealed partial class ClusterMembershipService(
    IInstanceRegistry registry,
    ClusterShares shares,
    IEnumerable<ClusterRole> roles,
    InstanceIdentity identity,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<ClusterMembershipService> logger) : PeriodicSweep(time, logger)
{
    private readonly string[] _roles = roles.Select(r => r.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    private DateTimeOffset? _joinAt;

    protected override TimeSpan Interval => options.Value.HeartbeatInterval;

    protected override string Name => "heartbeat";

    protected override bool LeaderOnly => false;

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        var sharers = await registry.HeartbeatAsync(identity.Id, _roles, options.Value.InstanceTimeout, cancellationToken);
        shares.Apply(sharers);
        if (shares.Joined)
        {
            return;
        }

        // Alone (every count is 1: this instance): nobody else holds a share to give up.
        var now = Time.GetUtcNow();
        _joinAt ??= sharers.Values.All(n => n <= 1) ? now : now + options.Value.JoinDelay;
        if (now >= _joinAt)
        {
            shares.MarkJoined();
            LogJoined(Logger, identity.Id, string.Join(", ", sharers.Select(p => $"{p.Key}={p.Value}")));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await registry.LeaveAsync(identity.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The row then ages out after Scale:InstanceTimeout, as a crashed instance's does.
            LogLeaveFailed(Logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} joined the deployment; live instances by role: {Sharers}")]
    private static partial void LogJoined(ILogger logger, string instanceId, string sharers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove this instance's heartbeat row at stop; it ages out")]
    private static partial void LogLeaveFailed(ILogger logger, Exception error);
}

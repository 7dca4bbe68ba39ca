using EditBot.Core.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Cluster;

/// <summary>
/// Keeps this instance's heartbeat row fresh and <see cref="ClusterShares"/> up to date, every
/// <see cref="ClusterOptions.HeartbeatInterval"/> (every instance, no election). On joining a deployment where others
/// are live it waits <see cref="ClusterOptions.JoinDelay"/> before marking itself joined, so its first request never
/// lands on top of the others' old, whole shares. A failed heartbeat keeps the last counts until the others may stop
/// counting this instance; from then on it spends nothing until a heartbeat succeeds. Registered only with a shared store.
/// </summary>
public sealed partial class ClusterMembershipService(
    IInstanceRegistry registry,
    ClusterShares shares,
    IEnumerable<ClusterRole> roles,
    IOptions<EngineOptions> engine,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<ClusterMembershipService> logger) : PeriodicSweep(time, logger)
{
    /// <summary>This process's name among the instances: its worker id, unique per process.</summary>
    private readonly string _id = engine.Value.WorkerId;
    private readonly string[] _roles = roles.Select(r => r.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    private DateTimeOffset? _joinAt;
    private DateTimeOffset? _lastBeat;

    protected override TimeSpan Interval => options.Value.HeartbeatInterval;

    protected override string Name => "heartbeat";

    protected override bool LeaderOnly => false;

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, int> sharers;
        try
        {
            sharers = await registry.HeartbeatAsync(_id, _roles, options.Value.InstanceTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The last counts hold while the others still count this instance. Past that, they may have taken its share:
            // spending on would add up to more than the budget, so it stops until a heartbeat succeeds again.
            if (shares.Joined && _lastBeat is { } last && Time.GetUtcNow() - last >= options.Value.InstanceTimeout - options.Value.HeartbeatInterval)
            {
                shares.MarkLeft();
                _joinAt = null;
                LogLeft(Logger, _id, Time.GetUtcNow() - last);
            }

            throw;
        }

        _lastBeat = Time.GetUtcNow();
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
            LogJoined(Logger, _id, string.Join(", ", sharers.Select(p => $"{p.Key}={p.Value}")));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await registry.LeaveAsync(_id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The row then ages out after Scale:InstanceTimeout, as a crashed instance's does.
            LogLeaveFailed(Logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} joined the deployment; live instances by role: {Sharers}")]
    private static partial void LogJoined(ILogger logger, string instanceId, string sharers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} has not written its heartbeat for {Silence}; it spends no shared budget until it has")]
    private static partial void LogLeft(ILogger logger, string instanceId, TimeSpan silence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove this instance's heartbeat row at stop; it ages out")]
    private static partial void LogLeaveFailed(ILogger logger, Exception error);
}
